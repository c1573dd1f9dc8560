package io.liveview.core;

import java.util.concurrent.TimeUnit;

/** A rate limit: {@code rate} permits per second, at most {@code burst} at once. Not thread-safe. */
final class TokenBucket {

    private final double perNano;
    private final int burst;
    private double tokens;
    private long refilledAt;

    TokenBucket(int rate, int burst, long now) {
        this.perNano = rate / (double) TimeUnit.SECONDS.toNanos(1);
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** Takes one permit if there is one. */
    boolean tryAcquire(long now) {
        tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
