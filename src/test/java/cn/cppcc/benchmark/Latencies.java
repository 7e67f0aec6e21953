package cn.cppcc.benchmark;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Durations recorded by any thread; percentiles in milliseconds. */
final class Latencies {

    private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

    void record(long startNanos) {
        nanos.add(System.nanoTime() - startNanos);
    }

    <T> T time(java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        record(start);
        return result;
    }

    int count() {
        return nanos.size();
    }

    /** The {@code p}-th percentile (nearest rank), in milliseconds. */
    double percentile(double p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    String summary() {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)", percentile(50), percentile(95),
                percentile(99), count());
    }
}
