package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts its mounts and its connects by view id, and shows whether its socket is there. */
public final class MountCountLive implements LiveView {

    static final Map<String, AtomicInteger> MOUNTS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> CONNECTS = new ConcurrentHashMap<>();

    @Override
    public void mount(Params params, Session session, Socket socket) {
        MOUNTS.computeIfAbsent(socket.id(), id -> new AtomicInteger()).incrementAndGet();
        socket.assign("live", "no");
    }

    @Override
    public void connected(Socket socket) {
        CONNECTS.computeIfAbsent(socket.id(), id -> new AtomicInteger()).incrementAndGet();
        socket.assign("live", "yes");
    }
}
