package io.liveview.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Views waiting for their socket to (re)join, by view id: each for a bounded time, and at most a
 * bounded number at once (the oldest makes way). Whatever leaves without being taken goes to the
 * discard action, so what it holds can be released.
 *
 * @param <T> what waits
 */
final class WaitingRoom<T> {

    private record Guest<T>(String sessionId, String route, T value, ScheduledFuture<?> expiry) {
    }

    private final Map<String, Guest<T>> guests = new LinkedHashMap<>();
    private final Duration stay;
    private final int capacity;
    private final ScheduledExecutorService scheduler;
    private final Consumer<T> discard;

    /**
     * @param stay     how long a guest waits; zero turns the room off
     * @param capacity the most guests at once
     * @param discard  receives each guest that leaves untaken (expired, evicted, cleared)
     */
    WaitingRoom(Duration stay, int capacity, ScheduledExecutorService scheduler, Consumer<T> discard) {
        this.stay = stay;
        this.capacity = capacity;
        this.scheduler = scheduler;
        this.discard = discard;
    }

    /** Lets a view wait, or discards it at once if the room is off. */
    void admit(String viewId, String sessionId, String route, T value) {
        if (stay.isZero() || capacity == 0) {
            discard.accept(value);
            return;
        }
        List<T> leaving = new ArrayList<>();
        synchronized (this) {
            ScheduledFuture<?> expiry = scheduler.schedule(() -> expire(viewId, value), stay.toNanos(), TimeUnit.NANOSECONDS);
            Guest<T> replaced = guests.put(viewId, new Guest<>(sessionId, route, value, expiry));
            if (replaced != null) {
                replaced.expiry().cancel(false);
                leaving.add(replaced.value());
            }
            Iterator<Guest<T>> oldest = guests.values().iterator();
            while (guests.size() > capacity) {
                Guest<T> evicted = oldest.next();
                oldest.remove();
                evicted.expiry().cancel(false);
                leaving.add(evicted.value());
            }
        }
        leaving.forEach(discard);
    }

    /**
     * Takes the view waiting under an id, if it waits for this session and route.
     *
     * @return it, or {@code null}
     */
    synchronized T take(String viewId, String sessionId, String route) {
        Guest<T> guest = guests.get(viewId);
        if (guest == null || !guest.sessionId().equals(sessionId) || !guest.route().equals(route)) {
            return null;
        }
        guests.remove(viewId);
        guest.expiry().cancel(false);
        return guest.value();
    }

    synchronized int size() {
        return guests.size();
    }

    /** Takes every guest out, without discarding them: the caller ends them its own way. */
    synchronized List<T> drain() {
        List<T> all = guests.values().stream().map(Guest::value).toList();
        guests.values().forEach(g -> g.expiry().cancel(false));
        guests.clear();
        return all;
    }

    private void expire(String viewId, T value) {
        boolean expired;
        synchronized (this) {
            Guest<T> guest = guests.get(viewId);
            expired = guest != null && guest.value() == value;
            if (expired) {
                guests.remove(viewId);
            }
        }
        if (expired) {
            discard.accept(value);
        }
    }
}
