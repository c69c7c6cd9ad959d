package org.socketlab.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.LabCase;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.api.TranscriptJson;
import org.socketlab.server.http.AccessLog;
import org.socketlab.server.plugins.CaseRegistry;

/**
 * The page's sequence model ({@code sequence.js}) in the real browser, on hand-written version 2 events:
 * which recvs read which sends follows {@code conn} and {@code offset} alone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SequenceModelBrowserTest {
    @TempDir
    static Path profile;
    private static SocketLabServer server;
    private static ChromeDriver browser;

    // Returns, per row in time order, "kind|delivery|read|linked rows|target lane|source lane".
    private static final String MODEL = """
            const done = arguments[arguments.length - 1];
            import('/sequence.js').then(({ buildSequence }) => {
              const m = buildSequence(JSON.parse(arguments[0]));
              done({
                rows: m.rows.map((r) => [r.event.kind, r.delivery ?? '', r.read ?? '',
                  [...(m.links.get(r.index) ?? [])].sort((a, b) => a - b).join(','),
                  r.target === undefined ? '' : m.lanes[r.target].name,
                  r.source === undefined ? '' : m.lanes[r.source].name].join('|')),
                lanes: m.lanes.map((l) => (l.external ? '~' : '') + l.name),
              });
            }, (e) => done({ error: String(e) }));
            """;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(profile);
        server = SocketLabServer.start(ServerConfig.defaults().withPort(0), CaseRegistry.ofBuiltIns(), AccessLog.none());
        browser.get("http://127.0.0.1:" + server.port() + "/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> model(String eventsJson) {
        Object result = browser.executeAsyncScript(MODEL, eventsJson);
        Map<String, Object> map = (Map<String, Object>) result;
        assertEquals(null, map.get("error"));
        return (Map<String, List<String>>) (Map<String, ?>) map;
    }

    private static String tcp(String actor, String kind, String local, String remote, int conn, Long offset, String text) {
        String payload = text == null ? "" : String.format(", \"size\": %d, \"text\": \"%s\"", text.length(), text);
        return String.format("{\"atMs\": 0, \"actor\": \"%s\", \"kind\": \"%s\", \"protocol\": \"tcp\", \"local\": \"%s\","
                + " \"remote\": \"%s\", \"conn\": %d%s%s}", actor, kind, local, remote, conn,
                offset == null ? "" : ", \"offset\": " + offset, payload);
    }

    static Stream<Named<LabCase>> builtInCases() {
        return CaseRegistry.ofBuiltIns().catalogue().cases().stream()
                .map(c -> Named.of(c.info().id(), c.labCase()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInCases")
    void the_default_run_of_every_built_in_case_shows_no_bytes_never_read_unless_a_check_failed(LabCase labCase) {
        Transcript t = CaseRunner.run(labCase);
        String events = TranscriptJson.of(t).get("events").toString();

        List<String> unread = model(events).get("rows").stream()
                .filter(r -> r.startsWith("send|unread") || r.startsWith("send|partial")).toList();

        if (t.checks().stream().allMatch(Check::passed)) {
            assertEquals(List.of(), unread, labCase.info().id());
        }
    }

    @Test
    void split_and_partial_reads_link_each_recv_to_the_sends_at_its_offsets() {
        String a = "127.0.0.1:5000";
        String b = "127.0.0.1:80";
        String events = "[" + String.join(",",
                tcp("Alice", "connect", a, b, 7, null, null),
                tcp("Alice", "send", a, b, 7, 0L, "HELLO"),
                tcp("Alice", "send", a, b, 7, 5L, " WORLD"),
                tcp("Bob", "accept", b, a, 7, null, null),
                tcp("Bob", "recv", b, a, 7, 0L, "HEL"),
                tcp("Bob", "recv", b, a, 7, 3L, "LO W"),
                tcp("Bob", "close", b, a, 7, null, null)) + "]";

        Map<String, List<String>> m = model(events);

        assertEquals(List.of("Alice", "Bob"), m.get("lanes"));
        assertEquals(List.of("connect||||Bob|", "send|received|5|4,5|Bob|", "send|partial|2|5|Bob|", "accept|||||",
                "recv|||1||", "recv|||1,2||", "close|||||"), m.get("rows"));
    }

    @Test
    void bytes_past_the_last_recv_are_never_read_only_when_the_transcript_has_every_read() {
        String a = "127.0.0.1:5000";
        String b = "127.0.0.1:80";
        String events = String.join(",",
                tcp("Alice", "send", a, b, 1, 0L, "HELLO WORLD"),
                tcp("Bob", "recv", b, a, 1, 0L, "HELLO WO"));
        String full = "{\"atMs\": 1, \"actor\": \"Lab\", \"kind\": \"note\", \"text\": \"The transcript is full (2 events"
                + " or 100 bytes); later events were not recorded.\"}";

        assertEquals("send|partial|8|1|Bob|", model("[" + events + "]").get("rows").get(0));
        assertEquals("send|pending|8|1|Bob|", model("[" + events + "," + full + "]").get("rows").get(0));
    }

    @Test
    void a_port_reused_by_a_new_connection_starts_a_new_stream_and_nothing_is_matched_by_address() {
        String a = "127.0.0.1:5000";
        String b = "127.0.0.1:80";
        String events = "[" + String.join(",",
                tcp("Alice", "send", a, b, 1, 0L, "one"),
                tcp("Bob", "recv", b, a, 1, 0L, "one"),
                tcp("Alice", "send", a, b, 2, 0L, "two"),
                tcp("Bob", "recv", b, a, 2, 0L, "two")) + "]";

        Map<String, List<String>> m = model(events);

        assertEquals(List.of("send|received|3|1|Bob|", "recv|||0||", "send|received|3|3|Bob|", "recv|||2||"),
                m.get("rows"));
    }

    @Test
    void a_connection_with_one_end_in_the_lab_is_drawn_against_its_named_peer() {
        String server = "127.0.0.1:9000";
        String client = "127.0.0.1:41000";
        String events = "[" + String.join(",",
                tcp("Server", "accept", server, client, 3, null, null).replace("}", ", \"peer\": \"Your client\"}"),
                tcp("Server", "recv", server, client, 3, 0L, "hi").replace("}", ", \"peer\": \"Your client\"}"),
                tcp("Server", "send", server, client, 3, 0L, "HI").replace("}", ", \"peer\": \"Your client\"}")) + "]";

        Map<String, List<String>> m = model(events);

        assertEquals(List.of("Server", "~Your client"), m.get("lanes"));
        assertEquals(List.of("accept|||||Your client", "recv|||||Your client", "send|external|0||Your client|"),
                m.get("rows"));
    }

    @Test
    void datagrams_from_two_senders_go_to_the_recvs_that_name_their_socket() {
        String events = """
                [{"atMs": 0, "actor": "Server", "kind": "listen", "protocol": "udp", "local": "127.0.0.1:9", "conn": 1},
                 {"atMs": 1, "actor": "Alice", "kind": "send", "protocol": "udp", "local": "127.0.0.1:7", "remote": "127.0.0.1:9", "conn": 2, "peerConn": 1, "size": 1, "text": "x"},
                 {"atMs": 2, "actor": "Carol", "kind": "send", "protocol": "udp", "local": "127.0.0.1:8", "remote": "127.0.0.1:9", "conn": 3, "peerConn": 1, "size": 1, "text": "x"},
                 {"atMs": 3, "actor": "Server", "kind": "recv", "protocol": "udp", "local": "127.0.0.1:9", "remote": "127.0.0.1:8", "conn": 1, "peerConn": 3, "size": 1, "text": "x"},
                 {"atMs": 4, "actor": "Server", "kind": "recv", "protocol": "udp", "local": "127.0.0.1:9", "remote": "127.0.0.1:7", "conn": 1, "peerConn": 2, "size": 1, "text": "x"},
                 {"atMs": 5, "actor": "Alice", "kind": "send", "protocol": "udp", "local": "127.0.0.1:7", "remote": "127.0.0.1:9", "conn": 2, "peerConn": 1, "size": 1, "text": "y"}]
                """;

        Map<String, List<String>> m = model(events);

        assertEquals(List.of("Server", "Alice", "Carol"), m.get("lanes"));
        assertEquals(List.of("listen|||||", "send|received||4|Server|", "send|received||3|Server|", "recv|||2||",
                "recv|||1||", "send|lost|||Server|"), m.get("rows"));
    }
}
