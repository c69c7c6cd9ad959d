package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private static final Instant TIME = Instant.parse("1994-11-06T08:49:37Z");
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50_000);

    @Test
    void formats_an_entry_as_one_combined_log_format_line_with_duration() {
        AccessLogEntry entry = new AccessLogEntry(TIME, CLIENT, "GET", "/x?y=1", "HTTP/1.1", 200, 512,
                "http://127.0.0.1/", "curl/8.0", 0.7344);

        assertEquals("127.0.0.1 - - [06/Nov/1994:08:49:37 +0000] \"GET /x?y=1 HTTP/1.1\" 200 512 "
                + "\"http://127.0.0.1/\" \"curl/8.0\" 0.734ms", entry.format());
    }

    @Test
    void escapes_the_user_agent_so_it_cannot_end_its_quotes() {
        AccessLogEntry entry = new AccessLogEntry(TIME, CLIENT, "GET", "/", "HTTP/1.1", 200, 0, null,
                "evil\" 200 \"x", 1);

        assertTrue(entry.format().endsWith("\"-\" \"evil\\x22 200 \\x22x\" 1.000ms"), entry.format());
    }

    @Test
    void escapes_control_characters_quotes_and_backslashes_from_the_client() {
        AccessLogEntry entry = new AccessLogEntry(TIME, CLIENT, "GET", "/a\n127.0.0.1 \"fake\\", "HTTP/1.1", 404, 0, 12);

        String line = entry.format();

        assertTrue(line.contains("\"GET /a\\x0a127.0.0.1 \\x22fake\\x5c HTTP/1.1\""), line);
        assertEquals(-1, line.indexOf('\n'));
    }

    @Test
    void writes_dashes_for_a_request_that_could_not_be_parsed() {
        AccessLogEntry entry = new AccessLogEntry(TIME, null, null, null, null, 400, 90, 1.5);

        assertEquals("- - - [06/Nov/1994:08:49:37 +0000] \"-\" 400 90 \"-\" \"-\" 1.500ms", entry.format());
    }

    @Test
    void none_asks_the_server_not_to_build_entries() {
        assertFalse(AccessLog.none().enabled());
        assertTrue(AccessLog.to(new ByteArrayOutputStream()).enabled());
    }

    @Test
    void prints_entries_from_its_own_thread_and_flushes_when_the_queue_drains() throws InterruptedException {
        FlushedLines out = new FlushedLines(2);
        AccessLog log = AccessLog.to(out);

        log.log(new AccessLogEntry(TIME, CLIENT, "GET", "/one", "HTTP/1.1", 200, 1, 1));
        log.log(new AccessLogEntry(TIME, CLIENT, "GET", "/two", "HTTP/1.1", 200, 1, 1));

        String text = out.await();
        assertTrue(text.indexOf("/one") < text.indexOf("/two"), text);
    }
    @Test
    void a_line_that_repeats_the_request_before_it_still_has_its_own_time_duration_and_fields()
            throws InterruptedException {
        FlushedLines out = new FlushedLines(5);
        AccessLog log = AccessLog.to(out);
        AccessLogEntry first = new AccessLogEntry(TIME, CLIENT, "GET", "/x", "HTTP/1.1", 200, 512, null, "wrk", 0.5);
        AccessLogEntry[] entries = {
            first,
            new AccessLogEntry(TIME.plusSeconds(1), CLIENT, "GET", "/x", "HTTP/1.1", 200, 512, null, "wrk", 0.25),
            new AccessLogEntry(TIME, CLIENT, "GET", "/x", "HTTP/1.1", 304, 0, null, "wrk", 0.5),
            new AccessLogEntry(TIME, CLIENT, "GET", "/x", "HTTP/1.1", 304, 0, "http://127.0.0.1/", "wrk", 0.5),
            new AccessLogEntry(TIME, new InetSocketAddress("::1", 1), "GET", "/x", "HTTP/1.1", 304, 0,
                    "http://127.0.0.1/", "curl", 0.5),
        };

        for (AccessLogEntry entry : entries) {
            log.log(entry);
        }

        String text = out.await();
        StringBuilder expected = new StringBuilder();
        for (AccessLogEntry entry : entries) {
            expected.append(entry.format()).append('\n');
        }
        assertEquals(expected.toString(), text);
    }

    /** An output that says when a flush has brought the number of lines expected. */
    private static final class FlushedLines extends PrintStream {
        private final ByteArrayOutputStream bytes;
        private final int lines;
        private final CountDownLatch flushed = new CountDownLatch(1);

        FlushedLines(int lines) {
            this(new ByteArrayOutputStream(), lines);
        }

        private FlushedLines(ByteArrayOutputStream bytes, int lines) {
            super(bytes, false, StandardCharsets.UTF_8);
            this.bytes = bytes;
            this.lines = lines;
        }

        @Override
        public void flush() {
            super.flush();
            if (bytes.toString(StandardCharsets.UTF_8).lines().count() == lines) {
                flushed.countDown();
            }
        }

        /** The text once a flush brought the lines, failing after 5 s. */
        String await() throws InterruptedException {
            assertTrue(flushed.await(5, TimeUnit.SECONDS), "no flush brought " + lines + " lines: " + bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
