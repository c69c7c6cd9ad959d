package org.socketlab.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The request parser on one request head after another, as a keep-alive connection reads them: the
 * request line, the header section with its checks (Host, framing, Expect), the decoded path. No socket:
 * the bytes come from memory, so this is the parser's own cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestParserBenchmark {

    /** wrk's request, and a browser's. */
    @Param({"wrk", "browser"})
    public String client;

    /** Whether repeated targets and header fields come back as the strings of last time, as in the server. */
    @Param({"true", "false"})
    public boolean recent;

    private RequestReader reader;

    @Setup(Level.Trial)
    public void setUp() {
        String head = client.equals("wrk")
                ? "GET /api/cases/missing-message HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"
                : "GET /api/cases/missing-message HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                        + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/131.0.0.0 Safari/537.36\r\n"
                        + "Accept: application/json\r\nAccept-Language: en-GB,en;q=0.9\r\n"
                        + "Accept-Encoding: gzip, deflate, br\r\nReferer: http://127.0.0.1:8080/\r\n"
                        + "Connection: keep-alive\r\nSec-Fetch-Mode: cors\r\nSec-Fetch-Site: same-origin\r\n\r\n";
        RequestInput input = new RequestInput(new Replay(head.getBytes(StandardCharsets.US_ASCII)), null);
        reader = new RequestReader(input, HttpServerConfig.defaults(),
                recent ? RecentStrings.create() : RecentStrings.NONE);
    }

    @Benchmark
    public RequestHead parseHead() throws IOException {
        return reader.readHead(reader.readRequestLine());
    }

    /** The same request head, over and over, in reads of up to 4 KB as a socket would give them. */
    private static final class Replay extends InputStream {
        private final byte[] bytes;
        private int pos;

        Replay(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            int b = bytes[pos] & 0xFF;
            pos = (pos + 1) % bytes.length;
            return b;
        }

        @Override
        public int read(byte[] dst, int off, int len) {
            int n = Math.min(Math.min(len, 4096), bytes.length - pos);
            System.arraycopy(bytes, pos, dst, off, n);
            pos = (pos + n) % bytes.length;
            return n;
        }
    }
}
