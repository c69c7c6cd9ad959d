package org.socketlab.cases.support;

import org.socketlab.api.TcpListener;
import org.socketlab.api.UdpEndpoint;

/**
 * Names the student's client on the reference server's sockets in live mode, so that the transcript shows
 * who sent what from outside the lab.
 */
final class LivePeers {
    private LivePeers() {
    }

    static void name(TcpListener listener, String peer) {
        // Issue 8: switch to listener.namePeers(peer) once lab-api's recorder has it.
    }

    static void name(UdpEndpoint socket, String peer) {
        // Issue 8: switch to socket.namePeers(peer) once lab-api's recorder has it.
    }
}
