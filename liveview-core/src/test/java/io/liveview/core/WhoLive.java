package io.liveview.core;

/** Shows who the session says the user is. */
public final class WhoLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("user", session.get("user").orElse("nobody"));
    }
}
