package io.liveview.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts its mounts, its connects and how it ended, per view id: for mount-once and resume tests. */
public final class CountingLive implements LiveView {

    private static final Map<String, AtomicInteger> MOUNTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CONNECTS = new ConcurrentHashMap<>();
    private static final Map<String, TerminateReason> ENDED = new ConcurrentHashMap<>();

    static int mounts(String viewId) {
        return MOUNTS.getOrDefault(viewId, new AtomicInteger()).get();
    }

    static int connects(String viewId) {
        return CONNECTS.getOrDefault(viewId, new AtomicInteger()).get();
    }

    static TerminateReason ended(String viewId) {
        return ENDED.get(viewId);
    }

    @Override
    public void mount(Params params, Session session, Socket socket) {
        MOUNTS.computeIfAbsent(socket.id(), id -> new AtomicInteger()).incrementAndGet();
        socket.assign("count", 0);
    }

    @Override
    public void connected(Socket socket) {
        CONNECTS.computeIfAbsent(socket.id(), id -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        if (!event.equals("inc")) {
            throw new UnknownEventException(event);
        }
        socket.update("count", (Integer n) -> n + 1);
    }

    @Override
    public void terminate(TerminateReason reason, Socket socket) {
        ENDED.put(socket.id(), reason);
    }

    @Override
    public String template() {
        return "probe";
    }
}
