package io.liveview.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers a socket's recent view crashes, so a view that crashes again and again is not mounted
 * in a loop: {@value #CRASHES} crashes within {@link #WINDOW} and its rejoins are refused.
 * Bounded: it remembers the views that crashed last, twice as many as a socket may join at once,
 * so a page whose every view crashes still has each one's history.
 */
final class CrashLog {

    static final int CRASHES = 3;
    static final Duration WINDOW = Duration.ofSeconds(30);

    private final Map<String, Deque<Long>> recent;

    CrashLog(int maxViewsPerSocket) {
        int remembered = 2 * maxViewsPerSocket;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
                return size() > remembered;
            }
        };
    }

    synchronized void record(String viewId) {
        Deque<Long> times = recent.computeIfAbsent(viewId, id -> new ArrayDeque<>());
        times.addLast(System.nanoTime());
        while (times.size() > CRASHES) {
            times.removeFirst();
        }
    }

    /** @return whether the view crashed {@value #CRASHES} times within the window */
    synchronized boolean looping(String viewId) {
        Deque<Long> times = recent.get(viewId);
        return times != null && times.size() >= CRASHES
                && System.nanoTime() - times.peekFirst() <= WINDOW.toNanos();
    }
}
