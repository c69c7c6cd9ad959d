package org.socketlab.server.plugins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.socketlab.api.LabCase;

/**
 * The built-in cases a command names, found without instantiating the others: {@code run port-scanner} on
 * a cold JVM spent some 50-70 ms loading and describing every built-in case to use one. A case's class is
 * looked for by its id ({@code port-scanner} → a class {@code PortScannerCase} named in the services file),
 * then checked to carry that id. Whenever that does not settle it (an id of a plugin's case, a class named
 * otherwise, a class that fails), the caller discovers every case instead, which reports failures as always.
 */
final class NamedBuiltIns {
    private NamedBuiltIns() {
    }

    /**
     * @param loader where the built-in cases are
     * @param ids    the case ids a command names
     * @return the named cases, in the order named, or empty if any of them cannot be found this way
     */
    static Optional<List<RegisteredCase>> find(ClassLoader loader, List<String> ids) {
        try {
            List<String> classNames = providerNames(loader);
            List<RegisteredCase> found = new ArrayList<>();
            for (String id : ids) {
                if (found.stream().anyMatch(c -> c.id().equals(id))) {
                    continue;
                }
                String simpleName = className(id);
                List<String> candidates = classNames.stream()
                        .filter(name -> name.substring(name.lastIndexOf('.') + 1).equals(simpleName)).toList();
                if (candidates.size() != 1) {
                    return Optional.empty();
                }
                LabCase labCase = Class.forName(candidates.get(0), true, loader).asSubclass(LabCase.class)
                        .getConstructor().newInstance();
                RegisteredCase registered = CaseDiscovery.describe(labCase, RegisteredCase.BUILT_IN);
                if (!registered.id().equals(id)) {
                    return Optional.empty();
                }
                found.add(registered);
            }
            return Optional.of(found);
        } catch (Exception | LinkageError e) {
            // Discovering every case says what went wrong, as it always has.
            return Optional.empty();
        }
    }

    /** {@code port-scanner} → {@code PortScannerCase}; {@code null} for an id that no class name could match. */
    static String className(String id) {
        StringBuilder name = new StringBuilder();
        for (String word : id.split("-", -1)) {
            if (word.isEmpty()) {
                return null;
            }
            name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return name.append("Case").toString();
    }

    // The services files' syntax (java.util.ServiceLoader): one class name a line, '#' starts a comment. Read
    // here rather than with ServiceLoader.stream(), which loads every provider class to give its type: that
    // made `run port-scanner` on a cold JVM about 8 ms slower (137-145 against 128-140 ms, Java 17).
    private static List<String> providerNames(ClassLoader loader) throws IOException {
        List<String> names = new ArrayList<>();
        Enumeration<URL> files = loader.getResources(CaseDiscovery.SERVICES_FILE);
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                byte[] text = in.readNBytes(CaseDiscovery.MAX_SERVICES_FILE_BYTES + 1);
                if (text.length > CaseDiscovery.MAX_SERVICES_FILE_BYTES) {
                    throw new IOException(CaseDiscovery.SERVICES_FILE + " is too large");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(
                        new java.io.ByteArrayInputStream(text), StandardCharsets.UTF_8));
                for (String line; (line = lines.readLine()) != null; ) {
                    int comment = line.indexOf('#');
                    String name = (comment < 0 ? line : line.substring(0, comment)).strip();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
