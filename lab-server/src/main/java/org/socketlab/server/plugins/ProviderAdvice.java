package org.socketlab.server.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socketlab.api.LabCase;

/**
 * Turns the mistakes an instructor makes in a plugin jar into messages that say what to change, instead
 * of {@link java.util.ServiceLoader}'s wording (which names temp files and hides causes).
 */
final class ProviderAdvice {
    private static final Pattern PROVIDER = Pattern.compile(
            Pattern.quote(LabCase.class.getName()) + ": (?:Provider )?([\\p{javaJavaIdentifierPart}.$]+) ");
    // ServiceLoader names the file it read: here a copy of the jar in a temp folder, meaningless to the author.
    private static final Pattern JAR_URL = Pattern.compile("jar:file:[^!]*!/");

    /** A services file is read only up to this size here; a larger one is refused elsewhere for its size. */
    private static final int MAX_READ = 64 * 1024;

    private ProviderAdvice() {
    }

    /**
     * Checks the services file of a jar before any class of it is loaded.
     *
     * @return what is wrong with it, or {@code null} if it is missing (reported later) or looks right
     */
    static String servicesFileProblem(JarFile jar) throws IOException {
        JarEntry entry = jar.getJarEntry(CaseDiscovery.SERVICES_FILE);
        if (entry == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = in.readNBytes(MAX_READ + 1);
        }
        if (bytes.length > MAX_READ) {
            // Too large to be a list of classes: CaseDiscovery refuses it for its size.
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.contains("/") || line.endsWith(".class")) {
                String className = line.replaceFirst("\\.class$", "").replaceFirst("^/", "").replace('/', '.');
                return CaseDiscovery.SERVICES_FILE + " line " + (i + 1) + ": '" + line + "' is not a class name; "
                        + "write the fully qualified name with dots, without .class: " + className;
            }
            names.add(line);
        }
        if (names.isEmpty()) {
            return CaseDiscovery.SERVICES_FILE + " is empty: write the fully qualified name of each case class "
                    + "on a line of its own, such as org.example.echo.EchoCase";
        }
        return null;
    }

    /** @return a message saying what to change in the provider class, or {@code null} to keep the loader's own */
    static String explain(ServiceConfigurationError e, ClassLoader loader) {
        Matcher m = PROVIDER.matcher(String.valueOf(e.getMessage()));
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException notFound) {
            return "names " + name + ", which is not in this jar: check the spelling of the class and of its "
                    + "package, and that the class was compiled into the jar";
        } catch (LinkageError unusable) {
            // The loader's own message says what the class lacks (a library, a class of the contract...).
            return null;
        }
        String simple = type.getSimpleName();
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return name + " is an inner class: Socket Lab cannot create it without an instance of "
                    + type.getEnclosingClass().getSimpleName() + "; declare it 'public static class " + simple
                    + "', or move it to a file of its own";
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            return name + " is not public: declare it 'public " + (type.isMemberClass() ? "static " : "")
                    + "class " + simple + "'";
        }
        if (!LabCase.class.isAssignableFrom(type)) {
            return name + " is not a case: declare it 'public class " + simple + " implements "
                    + LabCase.class.getName() + "', or remove it from the services file";
        }
        if (!hasPublicNoArgConstructor(type)) {
            return name + " has no public constructor without arguments: Socket Lab makes one instance of each case "
                    + "with 'new " + simple + "()'; add 'public " + simple + "() { }', and take what the "
                    + "constructor took from parameters instead";
        }
        return null;
    }

    private static boolean hasPublicNoArgConstructor(Class<?> type) {
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
    }

    /** @return the message with the temp file ServiceLoader names removed */
    static String withoutTempPath(String message) {
        return JAR_URL.matcher(message).replaceAll("");
    }

    /**
     * Keeps the first case of each id in one jar.
     *
     * @param failures gets one line per case whose id an earlier case of the same jar has
     * @return the cases with distinct ids
     */
    static List<RegisteredCase> distinctIds(List<RegisteredCase> cases, List<String> failures) {
        Map<String, RegisteredCase> byId = new HashMap<>();
        List<RegisteredCase> kept = new ArrayList<>();
        for (RegisteredCase c : cases) {
            RegisteredCase first = byId.putIfAbsent(c.info().id(), c);
            if (first == null) {
                kept.add(c);
            } else {
                failures.add("case id '" + c.info().id() + "' is declared twice in this jar, by "
                        + first.labCase().getClass().getName() + " and " + c.labCase().getClass().getName()
                        + ": give each case its own id");
            }
        }
        return kept;
    }
}
