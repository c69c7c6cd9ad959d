package org.socketlab.server.plugins;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs compiled test classes into a plugin jar, with a services file and a manifest as a plugin's build would. */
final class JarBuilder {
    private final Path classes;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private String apiVersion = "1.0";

    private JarBuilder(Path classes) {
        this.classes = classes;
    }

    /** @param classes the folder of compiled classes to take classes from @return a builder of an empty jar */
    static JarBuilder from(Path classes) {
        return new JarBuilder(classes);
    }

    /** Adds classes, each with its nested classes. */
    JarBuilder withClasses(String... classNames) throws IOException {
        for (String className : classNames) {
            String path = className.replace('.', '/');
            Path dir = classes.resolve(path).getParent();
            String simple = path.substring(path.lastIndexOf('/') + 1);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.equals(simple + ".class") || name.startsWith(simple + "$")) {
                        entries.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
        }
        return this;
    }

    /** Adds {@code META-INF/services/org.socketlab.api.LabCase} naming these providers. */
    JarBuilder withServices(String... providers) {
        return withEntry("META-INF/services/org.socketlab.api.LabCase", String.join("\n", List.of(providers)) + "\n");
    }

    JarBuilder withEntry(String name, String text) {
        entries.put(name, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** @param version the {@code SocketLab-Api-Version} to declare; {@code null} for none */
    JarBuilder withApiVersion(String version) {
        this.apiVersion = version;
        return this;
    }

    /** Writes the jar, replacing {@code file} if it exists. @return {@code file} */
    Path writeTo(Path file) throws IOException {
        Files.write(file, bytes());
        return file;
    }

    /** @return the jar's bytes */
    byte[] bytes() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (apiVersion != null) {
            manifest.getMainAttributes().putValue(ApiVersion.MANIFEST_ATTRIBUTE, apiVersion);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(buffer, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return buffer.toByteArray();
    }
}
