package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The contract's public surface names no engine type: a plugin compiles against org.socketlab.api and
 * org.socketlab.api.transcript alone, and its class loader offers nothing else.
 */
class ContractSurfaceTest {
    private static final String ENGINE = "org.socketlab.engine";

    private static List<Class<?>> contractClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(LabCase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path packageDir = root.resolve("org/socketlab/api");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(packageDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, LabCase.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type.getTypeName().contains(ENGINE + ".")) {
            leaks.add(where + ": " + type.getTypeName());
        }
    }

    @Test
    void no_public_member_of_the_contract_names_an_engine_type() throws Exception {
        List<Class<?>> classes = contractClasses();
        assertTrue(classes.size() > 30, "found the contract's classes: " + classes.size());
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : classes) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            check(type.getName(), type.getGenericSuperclass() == null ? Object.class : type.getGenericSuperclass(),
                    leaks);
            for (Type implemented : type.getGenericInterfaces()) {
                check(type.getName(), implemented, leaks);
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    check(type.getName() + "." + field.getName(), field.getGenericType(), leaks);
                }
            }
            List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
            executables.addAll(List.of(type.getDeclaredConstructors()));
            for (Executable executable : executables) {
                if (!visible(executable.getModifiers()) || executable.isSynthetic()) {
                    continue;
                }
                String where = type.getName() + "." + executable.getName();
                if (executable instanceof Method method) {
                    check(where, method.getGenericReturnType(), leaks);
                }
                for (Type parameter : executable.getGenericParameterTypes()) {
                    check(where, parameter, leaks);
                }
                for (Type thrown : executable.getGenericExceptionTypes()) {
                    check(where, thrown, leaks);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void the_engines_way_into_the_contract_is_not_public() {
        assertTrue(!Modifier.isPublic(EngineAccess.class.getModifiers()));
        for (Constructor<?> constructor : List.of(Actor.class.getDeclaredConstructors()[0],
                Task.class.getDeclaredConstructors()[0], TcpConnection.class.getDeclaredConstructors()[0])) {
            assertTrue(!visible(constructor.getModifiers()), constructor::toString);
        }
    }
}
