package org.socketlab.cases.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.cases.http.RequestInfoServerCase;
import org.socketlab.cases.http.WebServerCase;
import org.socketlab.cases.tcp.TcpCounterCase;
import org.socketlab.cases.tcp.TcpUppercaseCase;
import org.socketlab.cases.udp.UdpUppercaseCase;

/**
 * {@code listenPort} with the clients a student really uses: the handouts' Python clients run by
 * {@code python3}, and {@code curl}. Each test is skipped, with a message, on a machine without the tool.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealClientsTest {
    private static final long CLIENT_SECONDS = 20;

    @TempDir
    Path folder;

    @Test
    void the_handouts_python_tcp_client_gets_its_sentence_in_capitals() throws Exception {
        LiveRun.test(new TcpUppercaseCase(), Map.of(), run -> {
            run.expectProgramPeers(1);
            String printed = python("tcp_client_004.py", run.port(), "hello world\n");
            Transcript transcript = run.transcript();

            assertEquals("Input lowercase sentence:From Server: HELLO WORLD\n", printed);
            ListenPortTest.assertPassed(transcript);
        });
    }

    @Test
    void the_handouts_python_tcp_client_with_an_empty_sentence_fails_the_run() throws Exception {
        LiveRun.test(new TcpUppercaseCase(), Map.of("liveSeconds", 2), run -> {
            run.expectProgramPeers(1);
            // send(b'') sends nothing: the server waits in recv until the live time is up, then closes.
            python("tcp_client_004.py", run.port(), "\n");
            Transcript transcript = run.transcript();

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertEquals("Your client sends what the handout's client sends in time", transcript.checks().get(0).name());
        });
    }

    @Test
    void the_handouts_python_udp_client_gets_its_sentence_in_capitals() throws Exception {
        LiveRun.test(new UdpUppercaseCase(), Map.of(), run -> {
            run.expectProgramPeers(1);
            String printed = python("udp_client_004.py", run.port(), "hello world\n");
            Transcript transcript = run.transcript();

            assertEquals("Input lowercase sentence:HELLO WORLD\n", printed);
            ListenPortTest.assertPassed(transcript);
        });
    }

    @Test
    void the_handouts_python_counter_client_run_three_times_is_told_1_2_3() throws Exception {
        LiveRun.test(new TcpCounterCase(), Map.of(), run -> {
            run.expectProgramPeers(3);
            int port = run.port();
            List<String> printed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                printed.add(python("tcp_client_001.py", port, ""));
            }
            Transcript transcript = run.transcript();

            for (int n = 1; n <= 3; n++) {
                assertTrue(printed.get(n - 1).endsWith("Received: Hello! You are connection #" + n + "\n"), printed.toString());
            }
            ListenPortTest.assertPassed(transcript);
            assertTrue(transcript.output().contains("Received: Hello from client!"), transcript.output().toString());
        });
    }

    @Test
    void curl_gets_a_request_info_page_naming_its_method_path_and_user_agent() throws Exception {
        LiveRun.test(new RequestInfoServerCase(), Map.of("paths", "/hello"), run -> {
            run.expectProgramPeers(1);
            String page = curl("-s", "http://127.0.0.1:" + run.port() + "/hello");
            Transcript transcript = run.transcript();

            assertTrue(page.contains("GET") && page.contains("/hello") && page.contains("curl/"), page);
            ListenPortTest.assertPassed(transcript);
        });
    }

    @Test
    void curl_without_a_user_agent_fails_the_request_info_check() throws Exception {
        LiveRun.test(new RequestInfoServerCase(), Map.of("paths", "/"), run -> {
            run.expectProgramPeers(1);
            curl("-s", "-A", "", "http://127.0.0.1:" + run.port() + "/");
            Transcript transcript = run.transcript();

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertEquals(new Check("Your client's request 1 has a User-Agent", false, "a User-Agent field, e.g. curl/8.4.0",
                    "none"), transcript.checks().get(1));
        });
    }

    @Test
    void curl_gets_the_web_servers_file_and_its_404() throws Exception {
        LiveRun.test(new WebServerCase(), Map.of(), run -> {
            run.expectProgramPeers(2);
            int port = run.port();
            String file = curl("-s", "http://127.0.0.1:" + port + "/HelloWorld.html");
            String status = curl("-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:" + port + "/NotHere.html");
            Transcript transcript = run.transcript();

            assertTrue(file.contains("Hello World!"), file);
            assertEquals("404", status);
            ListenPortTest.assertPassed(transcript);
        });
    }

    private String python(String script, int port, String input) throws Exception {
        assumeTrue(installed("python3"), "python3 is not installed: the handout's client cannot run");
        Path program = folder.resolve(script);
        try (InputStream in = RealClientsTest.class.getResourceAsStream("/handouts/" + script)) {
            Files.copy(in, program, StandardCopyOption.REPLACE_EXISTING);
        }
        return run(List.of("python3", program.toString(), "127.0.0.1", String.valueOf(port)), input);
    }

    private static String curl(String... args) throws Exception {
        assumeTrue(installed("curl"), "curl is not installed");
        List<String> command = new ArrayList<>(List.of("curl", "--max-time", String.valueOf(CLIENT_SECONDS)));
        command.addAll(List.of(args));
        return run(command, "");
    }

    private static String run(List<String> command, String input) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(CLIENT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish within " + CLIENT_SECONDS + " s");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static boolean installed(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
