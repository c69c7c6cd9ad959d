package org.socketlab.cases.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * When the reference web server was serving each connection, from its recv of the request to its close.
 * Parallelism is judged by whether these spans overlap, which a busy machine cannot fake or hide: a
 * single-threaded server closes one connection before it accepts the next, so its spans never overlap,
 * however fast or slow the machine; a threaded one holds several at once, however slow.
 */
final class ServingSpans {
    private record Span(long startNanos, long endNanos) {
        boolean overlaps(Span other) {
            return startNanos < other.endNanos && other.startNanos < endNanos;
        }
    }

    private final List<Span> spans = new CopyOnWriteArrayList<>();

    /** Runs {@code serving} (one connection's service) and keeps its span, also when it fails. */
    <T> T serve(Callable<T> serving) throws Exception {
        long start = System.nanoTime();
        try {
            return serving.call();
        } finally {
            spans.add(new Span(start, System.nanoTime()));
        }
    }

    /** @return how many connections were served */
    int count() {
        return spans.size();
    }

    /** @return how many connections were served while at least one other was */
    int servedAlongsideAnother() {
        List<Span> all = List.copyOf(spans);
        int alongside = 0;
        for (Span span : all) {
            if (all.stream().anyMatch(other -> other != span && span.overlaps(other))) {
                alongside++;
            }
        }
        return alongside;
    }

    /** @return the most connections served at the same moment */
    int mostAtOnce() {
        List<long[]> edges = new ArrayList<>();
        for (Span span : spans) {
            edges.add(new long[] {span.startNanos, 1});
            edges.add(new long[] {span.endNanos, -1});
        }
        // At the same instant an end is counted before a start: touching spans do not overlap.
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int current = 0;
        int most = 0;
        for (long[] edge : edges) {
            current += (int) edge[1];
            most = Math.max(most, current);
        }
        return most;
    }
}
