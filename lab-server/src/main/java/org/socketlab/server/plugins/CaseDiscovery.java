package org.socketlab.server.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.ParamSpec;

/**
 * Finds the cases a class loader provides with {@link ServiceLoader}. Each provider is tried on its own:
 * one that cannot be loaded, instantiated or described becomes a failure with its cause, and the others
 * are still found. Nothing a plugin's code throws escapes: it fails that plugin, with its reason.
 */
public final class CaseDiscovery {
    // A provider iterator that keeps failing without moving on (an unreadable services file) must not loop forever.
    private static final int MAX_FAILURES = 100;
    /** Room for thousands of class names. */
    static final int MAX_SERVICES_FILE_BYTES = 64 * 1024;
    /** Where a jar names its cases. */
    public static final String SERVICES_FILE = "META-INF/services/" + LabCase.class.getName();

    private CaseDiscovery() {
    }

    /**
     * The result of discovering cases in one place.
     *
     * @param cases    the cases that loaded
     * @param failures one line per provider that did not, saying which and why
     */
    public record Result(List<RegisteredCase> cases, List<String> failures) {
        /** Copies the lists. */
        public Result {
            cases = List.copyOf(cases);
            failures = List.copyOf(failures);
        }
    }

    /**
     * Discovers the cases registered in {@code META-INF/services/org.socketlab.api.LabCase} of a loader.
     *
     * @param loader where to look
     * @param origin what to call where they come from ({@link RegisteredCase#BUILT_IN} or a jar's name)
     * @return the cases and the failures
     */
    public static Result discover(ClassLoader loader, String origin) {
        String tooLarge = servicesFileTooLarge(loader);
        if (tooLarge != null) {
            return new Result(List.of(), List.of(tooLarge));
        }
        List<RegisteredCase> cases = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        var iterator = ServiceLoader.load(LabCase.class, loader).iterator();
        while (failures.size() < MAX_FAILURES) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                LabCase found = iterator.next();
                cases.add(describe(found, origin));
            } catch (IllegalArgumentException e) {
                // From describe(): its message names the class and says what is wrong.
                failures.add(e.getMessage());
            } catch (ServiceConfigurationError e) {
                String advice = ProviderAdvice.explain(e, loader);
                failures.add(SERVICES_FILE + ": " + (advice != null ? advice
                        : ProviderAdvice.withoutTempPath(withoutServicePrefix(reason(e))) + hint(e)));
            } catch (Throwable e) {
                // Whatever a plugin's code throws fails that plugin only: an InternalError or a huge array's
                // OutOfMemoryError from its info() says nothing about the JVM, whose heap was never handed out.
                failures.add(reason(e) + hint(e));
            }
        }
        if (failures.size() >= MAX_FAILURES) {
            failures.add("stopped looking for more cases after " + MAX_FAILURES + " failures");
        }
        return new Result(ProviderAdvice.distinctIds(cases, failures), failures);
    }

    /**
     * ServiceLoader reads a services file whole, line by line, with no limit: a huge one would take memory and
     * time without end. Its size is checked first, reading no more than the limit.
     */
    private static String servicesFileTooLarge(ClassLoader loader) {
        try {
            Enumeration<URL> files = loader.getResources(SERVICES_FILE);
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    if (in.readNBytes(MAX_SERVICES_FILE_BYTES + 1).length > MAX_SERVICES_FILE_BYTES) {
                        return SERVICES_FILE + " is larger than " + MAX_SERVICES_FILE_BYTES / 1024 + " KiB: it should "
                                + "name the case classes, one a line";
                    }
                }
            }
            return null;
        } catch (IOException e) {
            return SERVICES_FILE + " cannot be read: " + reason(e);
        }
    }

    // "ServiceConfigurationError: org.socketlab.api.LabCase: Provider x not found" says the same thing three times.
    private static String withoutServicePrefix(String reason) {
        String prefix = ServiceConfigurationError.class.getSimpleName() + ": " + LabCase.class.getName() + ": ";
        return reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason;
    }

    // A class missing at run time is the most common mistake of a plugin: say where classes may come from.
    private static String hint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClassNotFoundException && t.getMessage() != null && t.getMessage().contains(" ")) {
                // It says why already (a class of Socket Lab that is not part of the contract).
                return "";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError) {
                return " (a class it needs is neither in its jar nor in lab-api or the JDK: a plugin sees only "
                        + "those, so shade the libraries it uses into its jar)";
            }
        }
        return "";
    }

    /**
     * Reads a case's metadata once, checking what {@link CaseInfo} and {@link ParamSpec} cannot check
     * alone (parameter names unique).
     *
     * @param labCase the case
     * @param origin  where it comes from
     * @return the registered case
     * @throws IllegalArgumentException if its metadata is unusable
     */
    public static RegisteredCase describe(LabCase labCase, String origin) {
        String type = labCase.getClass().getName();
        CaseInfo info;
        List<ParamSpec> params;
        try {
            info = labCase.info();
            params = labCase.params();
        } catch (Throwable e) {
            throw new IllegalArgumentException(type + " could not describe itself: " + reason(e), e);
        }
        if (info == null || params == null) {
            throw new IllegalArgumentException(type + " returned no " + (info == null ? "info()" : "params()"));
        }
        long distinct = params.stream().map(ParamSpec::name).distinct().count();
        if (distinct != params.size()) {
            throw new IllegalArgumentException("case '" + info.id() + "' declares a parameter name twice");
        }
        return new RegisteredCase(info, params, labCase, origin);
    }

    static String reason(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            text.append(": ").append(e.getMessage());
        }
        // The cause that says what happened is often deep: a static initializer's failure is wrapped twice.
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause instanceof ExceptionInInitializerError)) {
            cause = cause.getCause();
        }
        if (cause != null && cause != e && cause.getMessage() != null
                && (e.getMessage() == null || !e.getMessage().contains(cause.getMessage()))) {
            text.append(" (caused by ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(loaderReason(cause)).append(')');
        }
        return text.toString();
    }

    // A class a plugin's class needs and may not have: the plugin's class loader said why, in the cause.
    private static String loaderReason(Throwable missing) {
        if (missing instanceof NoClassDefFoundError && missing.getCause() instanceof ClassNotFoundException why
                && why.getMessage() != null && why.getMessage().contains(" ")) {
            return why.getMessage();
        }
        return missing.getMessage();
    }
}
