package org.socketlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} from the packaged jar gives back the heap the JVM sized for the machine, and leaves alone
 * a heap someone sized on the command line. Read from the JVM's own GC log.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeapTrimIT {
    // "GC(1) Pause Full (System.gc()) 1M->1M(100M) 3.850ms": the capacity left is in parentheses.
    private static final Pattern EXPLICIT_FULL = Pattern.compile("Pause Full \\(System\\.gc\\(\\)\\) \\S+->\\S+\\((\\d+)M\\)");

    @TempDir
    Path dir;

    @Test
    void a_machine_sized_heap_is_trimmed_before_the_server_says_it_listens() throws Exception {
        // Half of the machine's memory, capped at 512 MB, as the JVM's own choice: far above the target on any
        // machine, and not "set by the user" as -Xms would be.
        List<Integer> left = explicitFullCollections("-Xmx512m", "-XX:InitialRAMPercentage=50");

        assertEquals(2, left.size(), "one collection to measure, one to trim: " + left);
        int trimmed = left.get(1);
        assertTrue(trimmed <= 2 * (HeapTrim.TARGET_BYTES >> 20), "left " + trimmed + " MB");
    }

    @Test
    void a_heap_sized_with_xms_is_left_alone() throws Exception {
        assertEquals(List.of(), explicitFullCollections("-Xmx512m", "-Xms256m"));
    }

    private List<Integer> explicitFullCollections(String... jvmOptions) throws Exception {
        Path jar = Path.of("target", "socketlab.jar");
        assertTrue(Files.isRegularFile(jar), "package should have built " + jar);
        Path gcLog = dir.resolve("gc.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-Xlog:gc:file=" + gcLog, "-jar", jar.toString(), "serve", "--port", "0",
                "--plugins", dir.resolve("plugins").toString()));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String listening = ProcessLines.first(server);
            assertNotNull(listening, "the server printed nothing");
            assertTrue(listening.contains("is listening on"), listening);
            List<Integer> left = new ArrayList<>();
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = EXPLICIT_FULL.matcher(line);
                if (m.find()) {
                    left.add(Integer.parseInt(m.group(1)));
                }
            }
            return left;
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
