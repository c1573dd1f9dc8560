package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void aBurstPassesThenTheRateRefillsIt() {
        long now = 0;
        TokenBucket bucket = new TokenBucket(10, 3, now);
        assertTrue(bucket.tryAcquire(now));
        assertTrue(bucket.tryAcquire(now));
        assertTrue(bucket.tryAcquire(now));
        assertFalse(bucket.tryAcquire(now));
        now += TimeUnit.MILLISECONDS.toNanos(100);
        assertTrue(bucket.tryAcquire(now), "one permit per 100 ms at 10 per second");
        assertFalse(bucket.tryAcquire(now));
        now += TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < 3; i++) {
            assertTrue(bucket.tryAcquire(now));
        }
        assertFalse(bucket.tryAcquire(now), "a long pause refills no more than the burst");
    }
}
