package org.socketlab.server.plugins;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

import org.socketlab.api.LabCase;
import org.socketlab.api.transcript.Transcript;

/**
 * The parent of every plugin's class loader: it offers the JDK (through the platform class loader) and the
 * plugin contract, lab-api's packages {@code org.socketlab.api} and {@code org.socketlab.api.transcript}
 * (through the loader that loaded them), and nothing else of Socket Lab's class path — not lab-api's engine
 * ({@code org.socketlab.engine}, which the contract's classes use but a plugin may not), not the server's
 * classes, not its libraries (Gson, jsoup), not the built-in cases, not their {@code META-INF/services} files.
 * Stateless and thread-safe; one instance serves every plugin.
 */
final class ApiClassLoader extends ClassLoader {
    /** The plugin contract: exactly these packages, not their sub-packages. */
    static final Set<String> CONTRACT_PACKAGES = Set.of(LabCase.class.getPackageName(),
            Transcript.class.getPackageName());
    private static final String SOCKET_LAB = "org.socketlab.";
    private static final String ENGINE = "org.socketlab.engine.";
    private static final String API_RESOURCES = LabCase.class.getPackageName().replace('.', '/') + "/";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader apiLoader;

    ApiClassLoader() {
        super("socketlab-api", ClassLoader.getPlatformClassLoader());
        this.apiLoader = LabCase.class.getClassLoader();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        // lab-api must be the server's own copy: a LabCase from any other copy would not be a LabCase here.
        if (isContract(name)) {
            return apiLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    private static boolean isContract(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && CONTRACT_PACKAGES.contains(className.substring(0, dot));
    }

    /**
     * @param className a class a plugin's loader is asked for
     * @return whether it is lab-api's engine, which a plugin may not have even from its own jar (a copy of
     *         lab-api shaded into it): the contract's classes use the server's engine, never a plugin's
     */
    static boolean isEngine(String className) {
        return className.startsWith(ENGINE);
    }

    /**
     * Why a plugin cannot have a class that neither its jar nor this loader offers, for the message of its
     * {@link ClassNotFoundException} (and so of the {@link NoClassDefFoundError} a plugin's class gets).
     *
     * @param className the class a plugin's class needs
     * @return the message: for a class of Socket Lab outside the contract, that it is not part of it
     */
    static String missing(String className) {
        if (!className.startsWith(SOCKET_LAB) || isContract(className)) {
            return className;
        }
        return className + " is not part of the plugin contract: a plugin sees only lab-api's packages "
                + String.join(" and ", CONTRACT_PACKAGES.stream().sorted().toList()) + " (and its own jar and the "
                + "JDK); lab-api's engine and Socket Lab's server run cases but are hidden from plugins. "
                + "docs/writing-a-case.md, section 10, says what the contract is";
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(missing(name));
    }

    @Override
    protected URL findResource(String name) {
        return isContractResource(name) ? apiLoader.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return isContractResource(name) ? apiLoader.getResources(name) : Collections.emptyEnumeration();
    }

    // org/socketlab/api/... and org/socketlab/api/transcript/..., as the classes.
    private static boolean isContractResource(String name) {
        return name.startsWith(API_RESOURCES) && isContract(name.replace('/', '.'));
    }
}
