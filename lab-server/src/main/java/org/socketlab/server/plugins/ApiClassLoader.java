package org.socketlab.server.plugins;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

import org.socketlab.api.LabCase;

/**
 * The parent of every plugin's class loader: it offers the JDK (through the platform class loader) and lab-api
 * (through the loader that loaded it), and nothing else of Socket Lab's class path — not the server's classes,
 * not its libraries (Gson, jsoup), not the built-in cases, not their {@code META-INF/services} files. Stateless
 * and thread-safe; one instance serves every plugin.
 */
final class ApiClassLoader extends ClassLoader {
    private static final String API_PACKAGE = LabCase.class.getPackageName() + ".";
    private static final String API_RESOURCES = API_PACKAGE.replace('.', '/');

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
        if (name.startsWith(API_PACKAGE)) {
            return apiLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name + " (a plugin sees only its own jar, lab-api and the JDK)");
    }

    @Override
    protected URL findResource(String name) {
        return name.startsWith(API_RESOURCES) ? apiLoader.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return name.startsWith(API_RESOURCES) ? apiLoader.getResources(name) : Collections.emptyEnumeration();
    }
}
