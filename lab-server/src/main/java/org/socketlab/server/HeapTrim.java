package org.socketlab.server;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Gives back, once after start-up, the heap the JVM sized for the machine rather than for this server.
 *
 * <p>Started without {@code -Xms}, the JVM commits 1/64 of the machine's memory as its first heap (378 MB
 * on 24 GB), and G1 lets its young generation grow to 60% of that while its pauses are short. Under load
 * every one of those pages is touched and stays resident, although Socket Lab's data after start-up is
 * about 2 MB. So {@code serve} runs one full collection with the heap-free ratios set to leave about
 * {@link #TARGET_BYTES}, then puts the ratios back: from there G1 sizes the heap as usual, growing it when
 * collections cost more than its time goal. The ratios are the only heap sizes the JVM lets a running
 * program change ({@code MinHeapFreeRatio} and {@code MaxHeapFreeRatio} are manageable flags).
 *
 * <p>Nothing is done when whoever started the JVM chose the heap's shape ({@code -Xms},
 * {@code -XX:InitialHeapSize}, either free ratio), disabled explicit collections, or runs another
 * collector than G1; or when the heap is already small.
 */
final class HeapTrim {
    /**
     * About what the heap is left at. Smaller, and under a load test G1 collects so often that it takes the
     * cost for a reason to grow the heap, by half of what it gave back at once; larger, and more pages are
     * touched for nothing.
     */
    static final long TARGET_BYTES = 80L << 20;

    private static final String G1_YOUNG = "G1 Young Generation";

    /** What the JVM says about its heap and flags; an interface so the decision is testable without one. */
    interface Vm {
        /** A flag's value, if this JVM has the flag. */
        Optional<String> flag(String name);

        /** Whether the flag was set on the command line, in an environment variable or a flags file. */
        boolean setByUser(String name);

        boolean runsG1();

        long committedHeapBytes();

        long usedHeapBytes();

        void setFlag(String name, String value);

        void collect();
    }

    private HeapTrim() {
    }

    /**
     * Trims the heap of this JVM if it is G1's machine-sized default; never throws.
     *
     * @return what was done, in words (for tests, and for whoever debugs the heap)
     */
    static String trimThisJvm() {
        try {
            return trim(HotSpot.connect());
        } catch (RuntimeException | LinkageError e) {
            // Another JVM, or a flag refused: the heap stays as the JVM made it, which is only larger.
            return "heap left as the JVM sized it (" + e + ")";
        }
    }

    static String trim(Vm vm) {
        Optional<String> reason = reasonToLeave(vm);
        if (reason.isPresent()) {
            return "heap left as the JVM sized it: " + reason.get();
        }
        String minRatio = vm.flag("MinHeapFreeRatio").orElseThrow();
        String maxRatio = vm.flag("MaxHeapFreeRatio").orElseThrow();
        vm.collect();
        int ratio = freeRatioFor(vm.usedHeapBytes());
        try {
            // Max first, then min: the JVM refuses a minimum above the maximum at every step.
            vm.setFlag("MaxHeapFreeRatio", String.valueOf(Math.max(ratio, Integer.parseInt(maxRatio))));
            vm.setFlag("MinHeapFreeRatio", String.valueOf(ratio));
            vm.setFlag("MaxHeapFreeRatio", String.valueOf(ratio));
            vm.collect();
        } finally {
            // Min first: the maximum in force is at least the one put back.
            vm.setFlag("MinHeapFreeRatio", minRatio);
            vm.setFlag("MaxHeapFreeRatio", maxRatio);
        }
        return "heap trimmed to " + (vm.committedHeapBytes() >> 20) + " MB after start-up";
    }

    static Optional<String> reasonToLeave(Vm vm) {
        if (!vm.runsG1()) {
            return Optional.of("not G1");
        }
        for (String chosen : List.of("InitialHeapSize", "MinHeapSize", "MinHeapFreeRatio", "MaxHeapFreeRatio")) {
            if (vm.setByUser(chosen)) {
                return Optional.of(chosen + " was set");
            }
        }
        if (vm.flag("DisableExplicitGC").orElse("false").equals("true")
                || vm.flag("ExplicitGCInvokesConcurrent").orElse("false").equals("true")) {
            return Optional.of("explicit collections are off or concurrent");
        }
        if (vm.committedHeapBytes() <= 2 * TARGET_BYTES) {
            return Optional.of("already small");
        }
        return Optional.empty();
    }

    /**
     * The free ratio that makes a full collection leave about {@link #TARGET_BYTES} for what is used. G1 on
     * Java 17 counts the used part in whole regions and so leaves up to half as much again; later JDKs count
     * bytes.
     */
    static int freeRatioFor(long usedBytes) {
        long usedPercent = (100 * usedBytes + TARGET_BYTES - 1) / TARGET_BYTES;
        return (int) Math.max(40, Math.min(99, 100 - usedPercent));
    }

    /** The running JVM, through its management beans. */
    private record HotSpot(HotSpotDiagnosticMXBean diagnostics, MemoryMXBean memory, boolean runsG1) implements Vm {
        static HotSpot connect() {
            boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(GarbageCollectorMXBean::getName).anyMatch(G1_YOUNG::equals);
            return new HotSpot(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class),
                    ManagementFactory.getMemoryMXBean(), g1);
        }

        @Override
        public Optional<String> flag(String name) {
            try {
                return Optional.of(diagnostics.getVMOption(name).getValue());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        @Override
        public boolean setByUser(String name) {
            try {
                VMOption.Origin origin = diagnostics.getVMOption(name).getOrigin();
                return origin != VMOption.Origin.DEFAULT && origin != VMOption.Origin.ERGONOMIC;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public long committedHeapBytes() {
            return memory.getHeapMemoryUsage().getCommitted();
        }

        @Override
        public long usedHeapBytes() {
            return memory.getHeapMemoryUsage().getUsed();
        }

        @Override
        public void setFlag(String name, String value) {
            diagnostics.setVMOption(name, value);
        }

        @Override
        public void collect() {
            System.gc();
        }
    }
}
