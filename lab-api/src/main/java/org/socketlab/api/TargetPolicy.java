package org.socketlab.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import org.socketlab.engine.Targets;

/**
 * Which hosts a run may reach, for a test that runs a case with {@link CaseRunner#run(LabCase, java.util.Map,
 * RunOptions)}: by default only loopback, since a lab page must not become a scanner for the whole network.
 * The operator of a Socket Lab server allows other hosts with {@code --allow-remote}. For hosts and tests: a
 * case never needs it, the sockets of its {@link RunContext} apply the run's policy themselves.
 *
 * @param allowRemote whether hosts other than loopback may be reached
 */
public record TargetPolicy(boolean allowRemote) {

    /** @return the default policy: 127.0.0.0/8, ::1 and {@code localhost} only */
    public static TargetPolicy loopbackOnly() {
        return new TargetPolicy(false);
    }

    /** @return a policy that lets runs reach any host (an explicit operator choice) */
    public static TargetPolicy anyHost() {
        return new TargetPolicy(true);
    }

    /**
     * Resolves a host a run wants to reach, or refuses it, as a run's sockets do. Under {@link #loopbackOnly()}
     * no name is ever looked up in DNS: {@code localhost}, names under {@code .localhost} and loopback
     * literals resolve locally, anything else is refused before a packet leaves the machine.
     *
     * @param host a host name or IP literal (IPv6 with or without brackets)
     * @return the address to use
     * @throws UnknownHostException      if the name is malformed or can never resolve ({@code .invalid}, RFC 6761 §6.4)
     * @throws TargetNotAllowedException if the policy forbids the host
     * @deprecated since 1.1: for hosts, which resolve a run's targets with the engine's
     *             {@code org.socketlab.engine.Targets}; a case connects through its actors, which apply the
     *             policy themselves
     */
    @Deprecated(since = "1.1")
    public InetAddress resolve(String host) throws UnknownHostException {
        return new Targets(allowRemote, Set.of()).resolve(host);
    }
}
