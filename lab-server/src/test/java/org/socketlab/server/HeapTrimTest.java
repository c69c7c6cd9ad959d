package org.socketlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HeapTrimTest {

    /** A JVM as the trim sees it: flags, heap figures, and what was done to it, in order. */
    private static class FakeVm implements HeapTrim.Vm {
        final Map<String, String> flags = new HashMap<>(Map.of(
                "MinHeapFreeRatio", "40", "MaxHeapFreeRatio", "70", "DisableExplicitGC", "false",
                "ExplicitGCInvokesConcurrent", "false"));
        final Set<String> setByUser = new HashSet<>();
        final List<String> done = new ArrayList<>();
        boolean g1 = true;
        long committed = 378L << 20;
        long used = 2L << 20;

        @Override
        public Optional<String> flag(String name) {
            return Optional.ofNullable(flags.get(name));
        }

        @Override
        public boolean setByUser(String name) {
            return setByUser.contains(name);
        }

        @Override
        public boolean runsG1() {
            return g1;
        }

        @Override
        public long committedHeapBytes() {
            return committed;
        }

        @Override
        public long usedHeapBytes() {
            return used;
        }

        @Override
        public void setFlag(String name, String value) {
            int min = Integer.parseInt(name.equals("MinHeapFreeRatio") ? value : flags.get("MinHeapFreeRatio"));
            int max = Integer.parseInt(name.equals("MaxHeapFreeRatio") ? value : flags.get("MaxHeapFreeRatio"));
            // As HotSpot does: a minimum above the maximum is refused.
            if (min > max) {
                throw new IllegalArgumentException(name + "=" + value + " would put the minimum above the maximum");
            }
            flags.put(name, value);
            done.add(name + "=" + value);
        }

        @Override
        public void collect() {
            done.add("collect with " + flags.get("MinHeapFreeRatio") + "-" + flags.get("MaxHeapFreeRatio"));
            committed = HeapTrim.TARGET_BYTES;
        }
    }

    @Test
    void collects_with_ratios_that_leave_the_target_then_puts_the_ratios_back() {
        FakeVm vm = new FakeVm();

        String said = HeapTrim.trim(vm);

        assertEquals(List.of("collect with 40-70", "MaxHeapFreeRatio=97", "MinHeapFreeRatio=97", "MaxHeapFreeRatio=97",
                "collect with 97-97", "MinHeapFreeRatio=40", "MaxHeapFreeRatio=70"), vm.done);
        assertEquals("heap trimmed to 80 MB after start-up", said);
    }

    @Test
    void a_free_ratio_leaves_about_the_target_for_what_is_used() {
        // used / (1 - ratio) is the capacity G1 keeps after a full collection.
        for (long usedMb : new long[] {1, 2, 5, 10, 20}) {
            int ratio = HeapTrim.freeRatioFor(usedMb << 20);
            double left = usedMb / (1 - ratio / 100.0);
            assertTrue(left <= 80 && left > 40, usedMb + " MB used, ratio " + ratio + " leaves " + left + " MB");
        }
        assertEquals(99, HeapTrim.freeRatioFor(0));
        assertEquals(40, HeapTrim.freeRatioFor(200L << 20), "never below the JVM's own minimum free ratio");
    }

    @ParameterizedTest
    @ValueSource(strings = {"InitialHeapSize", "MinHeapSize", "MinHeapFreeRatio", "MaxHeapFreeRatio"})
    void leaves_a_heap_whose_shape_someone_chose(String flag) {
        FakeVm vm = new FakeVm();
        vm.setByUser.add(flag);

        assertEquals("heap left as the JVM sized it: " + flag + " was set", HeapTrim.trim(vm));
        assertEquals(List.of(), vm.done);
    }

    @Test
    void leaves_the_heap_of_another_collector_or_without_explicit_collections_or_already_small() {
        FakeVm serial = new FakeVm();
        serial.g1 = false;
        FakeVm noExplicit = new FakeVm();
        noExplicit.flags.put("DisableExplicitGC", "true");
        FakeVm concurrent = new FakeVm();
        concurrent.flags.put("ExplicitGCInvokesConcurrent", "true");
        FakeVm small = new FakeVm();
        small.committed = 128L << 20;

        for (FakeVm vm : List.of(serial, noExplicit, concurrent, small)) {
            assertTrue(HeapTrim.trim(vm).startsWith("heap left as the JVM sized it: "));
            assertEquals(List.of(), vm.done);
        }
    }

    @Test
    void puts_the_ratios_back_even_when_the_collection_fails() {
        FakeVm vm = new FakeVm() {
            private int collections;

            @Override
            public void collect() {
                if (++collections == 2) {
                    throw new IllegalStateException("refused");
                }
                super.collect();
            }
        };

        try {
            HeapTrim.trim(vm);
        } catch (IllegalStateException expected) {
            // The caller, trimThisJvm, catches it.
        }

        assertEquals("40", vm.flags.get("MinHeapFreeRatio"));
        assertEquals("70", vm.flags.get("MaxHeapFreeRatio"));
    }
}
