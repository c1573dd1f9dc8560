package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final LogLimiter limiter = new LogLimiter(now::get);

    @Test
    void aBurstPassesThenLinesAreLeftOutAndCountedUntilTheBudgetRefills() {
        for (int i = 0; i < LogLimiter.BURST; i++) {
            assertEquals(0, limiter.acquire("bad_payload /todo"));
        }
        for (int i = 0; i < 1_000; i++) {
            assertEquals(-1, limiter.acquire("bad_payload /todo"));
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(LogLimiter.REFILL_SECONDS));
        assertEquals(1_000, limiter.acquire("bad_payload /todo"), "the next line says how many were left out");
        assertEquals(-1, limiter.acquire("bad_payload /todo"));
    }

    @Test
    void eachKindHasItsOwnBudget() {
        for (int i = 0; i < LogLimiter.BURST; i++) {
            limiter.acquire("crash /a");
        }
        assertEquals(-1, limiter.acquire("crash /a"));
        assertEquals(0, limiter.acquire("crash /b"));
    }
}
