package io.liveview.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers a socket's recent view crashes, so a view that crashes again and again is not mounted
 * in a loop: {@value #CRASHES} crashes within {@link #WINDOW} and its rejoins are refused.
 * Bounded: it remembers the {@value #MAX_VIEWS} views that crashed last.
 */
final class CrashLog {

    static final int CRASHES = 3;
    static final Duration WINDOW = Duration.ofSeconds(30);

    private static final int MAX_VIEWS = 64;

    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_VIEWS;
        }
    };

    CrashLog() {
        this(System::nanoTime);
    }

    CrashLog(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    synchronized void record(String viewId) {
        Deque<Long> times = recent.computeIfAbsent(viewId, id -> new ArrayDeque<>());
        times.addLast(nanoTime.getAsLong());
        while (times.size() > CRASHES) {
            times.removeFirst();
        }
    }

    /** @return whether the view crashed {@value #CRASHES} times within the window */
    synchronized boolean looping(String viewId) {
        Deque<Long> times = recent.get(viewId);
        return times != null && times.size() >= CRASHES
                && nanoTime.getAsLong() - times.peekFirst() <= WINDOW.toNanos();
    }
}
