package io.liveview.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning logged at most once per interval, with how many were left out since the last one: a
 * flood of refused clients must not turn into a flood of log lines.
 */
final class OccasionalWarning {

    private final Logger log;
    private final String message;
    private final long intervalNanos;
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong nextAt;

    OccasionalWarning(Logger log, String message, Duration interval) {
        this.log = log;
        this.message = message;
        this.intervalNanos = interval.toNanos();
        this.nextAt = new AtomicLong(System.nanoTime());
    }

    /** Logs the warning unless it was logged less than an interval ago. */
    void occurred() {
        long now = System.nanoTime();
        long due = nextAt.get();
        // Only the thread that moves the deadline logs, so racing callers cannot log twice.
        if (now - due >= 0 && nextAt.compareAndSet(due, now + intervalNanos)) {
            log.warn("{} ({} more like it since the last such line)", message, suppressed.getAndSet(0));
        } else {
            suppressed.incrementAndGet();
        }
    }
}
