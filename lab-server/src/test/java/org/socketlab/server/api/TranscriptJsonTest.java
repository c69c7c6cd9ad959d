package org.socketlab.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.TranscriptEvent;

class TranscriptJsonTest {

    @Test
    void a_tcp_recv_carries_its_conn_offset_and_payload_as_base64_and_text() {
        TranscriptEvent recv = new TranscriptEvent(3.5, "Bob", EventKind.RECV, "tcp", "127.0.0.1:41111",
                "127.0.0.1:54444", 8, 3, "RLD".getBytes(StandardCharsets.UTF_8), null, 4, 8L, "Your client", null);

        JsonObject json = TranscriptJson.event(recv);

        assertEquals(4, json.get("conn").getAsInt());
        assertEquals(8, json.get("offset").getAsLong());
        assertEquals("Your client", json.get("peer").getAsString());
        assertEquals("UkxE", json.get("base64").getAsString());
        assertEquals("RLD", json.get("text").getAsString());
        assertFalse(json.has("peerConn"));
    }

    @Test
    void a_udp_recv_names_the_conn_of_its_sender_and_bytes_that_are_not_utf8_have_no_text() {
        TranscriptEvent recv = new TranscriptEvent(1, "Server", EventKind.RECV, "udp", "127.0.0.1:9999",
                "127.0.0.1:5000", 64, 1, new byte[] {(byte) 0xff}, null, 2, null, null, 1);

        JsonObject json = TranscriptJson.event(recv);

        assertEquals(2, json.get("conn").getAsInt());
        assertEquals(1, json.get("peerConn").getAsInt());
        assertEquals("/w==", json.get("base64").getAsString());
        assertFalse(json.has("text"));
        assertFalse(json.has("offset"));
        assertFalse(json.has("peer"));
    }

    @Test
    void a_note_has_no_connection_fields() {
        JsonObject json = TranscriptJson.event(new TranscriptEvent(0, "Lab", EventKind.NOTE, null, null, null, null,
                null, null, "a note"));

        assertEquals("a note", json.get("text").getAsString());
        assertFalse(json.has("conn"));
        assertFalse(json.has("base64"));
    }
}
