package io.liveview.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Keeps clients from flooding the log: lines of one kind (a key made of a fixed reason and a route,
 * never of client input) pass in a burst of {@value #BURST}, then one per {@value #REFILL_SECONDS}
 * seconds; the next line that passes says how many were left out.
 */
final class LogLimiter {

    static final int BURST = 5;
    static final int REFILL_SECONDS = 10;

    private static final long REFILL_NANOS = TimeUnit.SECONDS.toNanos(REFILL_SECONDS);

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    LogLimiter() {
        this(System::nanoTime);
    }

    LogLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Logs at WARN if lines of this kind are not over their budget. */
    void warn(Logger log, String key, String format, Object... args) {
        long suppressed = acquire(key);
        if (suppressed >= 0) {
            log.warn(withNote(format, suppressed), withCount(args, suppressed));
        }
    }

    /** Logs at ERROR (a trailing Throwable argument prints its stack) if not over budget. */
    void error(Logger log, String key, String format, Object... args) {
        long suppressed = acquire(key);
        if (suppressed >= 0) {
            log.error(withNote(format, suppressed), withCount(args, suppressed));
        }
    }

    /**
     * @return -1 if the line must be left out, else how many lines of this kind were left out
     *     since the last one that passed
     */
    long acquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(nanoTime.getAsLong())).acquire(nanoTime.getAsLong());
    }

    private static String withNote(String format, long suppressed) {
        return suppressed == 0 ? format : format + " ({} similar lines suppressed)";
    }

    private static Object[] withCount(Object[] args, long suppressed) {
        if (suppressed == 0) {
            return args;
        }
        List<Object> all = new ArrayList<>(Arrays.asList(args));
        // SLF4J prints a trailing Throwable as a stack trace: the count goes before it.
        int at = !all.isEmpty() && all.get(all.size() - 1) instanceof Throwable ? all.size() - 1 : all.size();
        all.add(at, suppressed);
        return all.toArray();
    }

    private static final class Bucket {
        private double tokens = BURST;
        private long refilledAt;
        private long suppressed;

        Bucket(long now) {
            this.refilledAt = now;
        }

        synchronized long acquire(long now) {
            tokens = Math.min(BURST, tokens + (double) (now - refilledAt) / REFILL_NANOS);
            refilledAt = now;
            if (tokens < 1) {
                suppressed++;
                return -1;
            }
            tokens -= 1;
            long left = suppressed;
            suppressed = 0;
            return left;
        }
    }
}
