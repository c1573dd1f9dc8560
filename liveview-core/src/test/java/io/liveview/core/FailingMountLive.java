package io.liveview.core;

/** Renders for the first HTTP request, and fails its connected mount. */
public final class FailingMountLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        if (socket.connected()) {
            throw new IllegalStateException("the database is down, on purpose");
        }
        socket.assign("connected", false);
    }

    @Override
    public String template() {
        return "connected";
    }
}
