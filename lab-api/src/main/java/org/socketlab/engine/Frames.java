package org.socketlab.engine;

import java.util.ArrayList;
import java.util.List;

/** Finds the case's own frames in a stack: those of neither the JDK nor lab-api (its contract and its engine). */
final class Frames {
    private static final String API_PACKAGE = "org.socketlab.api.";
    private static final String ENGINE_PACKAGE = "org.socketlab.engine.";
    /** The server's own frames between the runner and the case (the plugin wrapper) are not the case's. */
    private static final String SERVER_PACKAGE = "org.socketlab.server.plugins.";

    private Frames() {
    }

    static boolean isCaseFrame(StackTraceElement frame) {
        String module = frame.getModuleName();
        if (module != null && (module.startsWith("java.") || module.startsWith("jdk."))) {
            return false;
        }
        String type = frame.getClassName();
        return !(type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                || type.startsWith("sun.") || type.startsWith("com.sun.") || type.startsWith(API_PACKAGE)
                || type.startsWith(ENGINE_PACKAGE)
                || type.startsWith(SERVER_PACKAGE));
    }

    /** @return the first frame of the case's code in {@code failure} or its causes, or {@code null} */
    static StackTraceElement firstCaseFrame(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (isCaseFrame(frame)) {
                    return frame;
                }
            }
        }
        return null;
    }

    /**
     * What a thread of a run is doing, for a run stopped at its time limit: the lab-api call it waits in
     * (say {@code TcpConnection.recv}) and the line of the case that called it.
     *
     * @return e.g. {@code Client waited in TcpConnection.recv, called from EchoCase.lambda$run$0(EchoCase.java:57)}
     */
    static String blockedOn(String name, Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        String apiCall = null;
        StackTraceElement caseFrame = null;
        for (StackTraceElement frame : stack) {
            if (isCaseFrame(frame)) {
                caseFrame = frame;
                break;
            }
            if (frame.getClassName().startsWith(API_PACKAGE) && isPublicApi(frame.getClassName())) {
                apiCall = simpleName(frame.getClassName()) + "." + frame.getMethodName();
            }
        }
        if (apiCall != null) {
            return name + " waited in " + apiCall + (caseFrame == null ? "" : ", called from " + shortFrame(caseFrame));
        }
        if (caseFrame != null) {
            return name + " was at " + shortFrame(caseFrame);
        }
        return name + (stack.length == 0 ? " was ending" : " was at " + shortFrame(stack[0]));
    }

    static List<String> blockedOn(List<TaskThread<?>> tasks) {
        List<String> lines = new ArrayList<>();
        for (TaskThread<?> task : tasks) {
            if (task.thread().isAlive()) {
                lines.add(blockedOn(task.name(), task.thread()));
            }
        }
        return lines;
    }

    /** The classes whose blocking calls a case makes: the call a stopped thread waited in is named by them. */
    private static final List<String> BLOCKING_API = List.of("TcpConnection", "TcpListener", "UdpEndpoint", "Actor",
            "Task", "BufferedOutput");

    private static boolean isPublicApi(String className) {
        return BLOCKING_API.contains(simpleName(className));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** @return {@code org.example.EchoCase.run(EchoCase.java:42)}: without the class loader's name Java puts first */
    static String format(StackTraceElement frame) {
        String at = frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + at + ")";
    }

    private static String shortFrame(StackTraceElement frame) {
        return simpleName(frame.getClassName()) + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                + frame.getLineNumber() + ")";
    }
}
