package io.liveview.core;

/** Renders for the first HTTP request, and fails once its socket is there. */
public final class FailingMountLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("connected", false);
    }

    @Override
    public void connected(Socket socket) {
        throw new IllegalStateException("the database is down, on purpose");
    }

    @Override
    public String template() {
        return "connected";
    }
}
