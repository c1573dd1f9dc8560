package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A test view that crashes shortly after going live, every time, so its page can never keep it. */
public final class CrashLoopLive implements LiveView {

    /** Instances gone live since the test reset it: each one is a join the server accepted. */
    static final AtomicInteger CONNECTED_MOUNTS = new AtomicInteger();

    @Override
    public void mount(Params params, Session session, Socket socket) {
    }

    @Override
    public void connected(Socket socket) {
        CONNECTED_MOUNTS.incrementAndGet();
        // Later than the join's reply, so the page has joined before each crash.
        socket.sendAfter(Duration.ofMillis(100), "boom");
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        throw new IllegalStateException("crashing on purpose after going live: " + message);
    }
}
