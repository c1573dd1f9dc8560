package io.liveview.core;

/** Renders whether its mount was the connected one. */
public final class ConnectedLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("connected", socket.connected());
    }
}
