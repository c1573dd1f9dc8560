package io.liveview.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counter that starts at its page's {@code start} parameter, crashes on "boom", and tallies its
 * connected mounts per view id, so a test can tell a rejoin that mounted afresh from one that did not.
 */
public final class MountTallyLive implements LiveView {

    /** Connected mounts by view id; view ids are random, so tests sharing the JVM do not collide. */
    static final Map<String, AtomicInteger> CONNECTED_MOUNTS = new ConcurrentHashMap<>();

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("count", params.get("start").map(Integer::parseInt).orElse(0));
    }

    /** Runs once per instance that goes live: the adopted first render, or a fresh mount on rejoin. */
    @Override
    public void connected(Socket socket) {
        CONNECTED_MOUNTS.computeIfAbsent(socket.id(), id -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "inc" -> socket.update("count", (Integer n) -> n + 1);
            case "boom" -> throw new IllegalStateException("boom on purpose");
            default -> throw new UnknownEventException(event);
        }
    }

    static int connectedMounts(String viewId) {
        AtomicInteger mounts = CONNECTED_MOUNTS.get(viewId);
        return mounts == null ? 0 : mounts.get();
    }
}
