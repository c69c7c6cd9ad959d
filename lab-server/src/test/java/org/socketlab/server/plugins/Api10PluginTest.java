package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;

/**
 * A plugin compiled against lab-api 1.0 itself (the jar the build's compatibility check compares with)
 * loads and runs in this Socket Lab unchanged: the contract only grew.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Api10PluginTest {
    private static final Path LAB_API_1_0 = Path.of("..", "lab-api", "src", "compat", "lab-api-1.0.jar");

    @TempDir
    Path dir;

    @Test
    void a_plugin_compiled_against_lab_api_1_0_loads_and_passes() throws IOException {
        Path classes = JavaSources.compile(dir.resolve("classes"), Map.of("old.EchoTwiceCase",
                JavaSources.header("old.EchoTwiceCase") + """
                public final class EchoTwiceCase implements LabCase {
                    private static final java.util.List<ParamSpec> PARAMS = java.util.List.of(
                            ParamSpec.integer("bufferSize", 4, 1, 64, "Bytes per recv"),
                            new ParamSpec("word", ParamType.STRING, "hi", "What to send", null, null, null));

                    public CaseInfo info() {
                        return CaseInfo.builder("old-echo-twice").title("Old").summary("Built against 1.0.")
                                .source("Api10PluginTest").build();
                    }

                    public java.util.List<ParamSpec> params() { return PARAMS; }

                    public void validate(Params params) {
                        if (params.getString("word").isEmpty()) {
                            throw new InvalidParamException("word", "must not be empty");
                        }
                    }

                    public void run(RunContext context) throws Exception {
                        String word = context.params().getString("word");
                        int size = context.params().getInt("bufferSize");
                        Actor server = context.actor("Server");
                        try (TcpListener listener = server.listen()) {
                            Task<String> client = context.supply("Client", () -> {
                                try (TcpConnection c = context.actor("Client").connect("127.0.0.1", listener.port())) {
                                    c.send(word + word);
                                    c.shutdownOutput();
                                    return new String(c.recvUntilClosed(size), java.nio.charset.StandardCharsets.UTF_8);
                                }
                            });
                            try (TcpConnection c = listener.accept()) {
                                c.send(c.recvUntilClosed(size));
                            }
                            String echoed = client.join();
                            context.actor("Client").print("got " + echoed);
                            context.checkEquals("echoed twice", word + word, echoed);
                            context.check("a 1.0 event reads as before", context.params().asMap().size() == 2, null, null);
                        }
                    }
                }
                """), LAB_API_1_0);
        Path jar = JarBuilder.from(classes).withClasses("old.EchoTwiceCase").withServices("old.EchoTwiceCase")
                .withApiVersion("1.0").writeTo(dir.resolve("old.jar"));
        PluginLoader loader = new PluginLoader(Files.createDirectories(dir.resolve("copies")), Duration.ofSeconds(10));

        PluginJar loaded = loader.load(jar, FileStamp.of(jar)).orElseThrow().jar();

        assertEquals(List.of(), loaded.failures());
        assertEquals(List.of(), loaded.warnings());
        Transcript transcript = CaseRunner.run(loaded.cases().get(0).labCase(), Map.of("word", "abc"));
        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error() + " " + transcript.checks());
        assertEquals(List.of("got abcabc"), transcript.output());
    }
}
