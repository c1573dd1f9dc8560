package io.liveview.core;

/** Renders whether the page's socket is there yet. */
public final class ConnectedLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("connected", socket.connected());
    }

    @Override
    public void connected(Socket socket) {
        socket.assign("connected", true);
    }
}
