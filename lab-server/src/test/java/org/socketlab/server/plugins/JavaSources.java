package org.socketlab.server.plugins;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.socketlab.api.LabCase;

/** Compiles plugin sources at test time, against lab-api alone, as an instructor's build would. */
final class JavaSources {
    private JavaSources() {
    }

    /**
     * @param out     the folder to write the classes to (created)
     * @param sources source text by fully qualified class name
     * @return {@code out}
     */
    static Path compile(Path out, Map<String, String> sources) throws IOException {
        return compile(out, sources, labApi());
    }

    /** As {@link #compile(Path, Map)}, against another lab-api: its jar (such as lab-api 1.0's) or classes. */
    static Path compile(Path out, Map<String, String> sources, Path api) throws IOException {
        Files.createDirectories(out);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new Source(name, text)));
        StringWriter messages = new StringWriter();
        List<String> options = List.of("--release", "17", "-proc:none", "-classpath", api.toString(),
                "-d", out.toString());
        boolean compiled = compiler.getTask(messages, null, null, options, null, units).call();
        if (!compiled) {
            throw new IllegalStateException("the test plugin did not compile:\n" + messages);
        }
        return out;
    }

    /** @return where lab-api's classes are: its classes folder or its jar */
    static Path labApi() {
        try {
            return Path.of(LabCase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A case that prints one line and passes.
     *
     * @param className fully qualified
     * @param id        its case id
     * @param title     its title, also printed by its run
     * @return the source
     */
    static String simpleCase(String className, String id, String title) {
        return header(className) + """
                public final class %s implements LabCase {
                    public CaseInfo info() {
                        return CaseInfo.builder("%s").title("%s").summary("A case from a test plugin.")
                                .source("tests").build();
                    }

                    public void run(RunContext context) {
                        context.actor("Plugin").print("%s ran");
                        context.check("it ran", true, null, null);
                    }
                }
                """.formatted(simpleName(className), id, title, title);
    }

    static String header(String className) {
        return "package " + className.substring(0, className.lastIndexOf('.')) + ";\n\nimport org.socketlab.api.*;\n\n";
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
