package io.liveview.core;

/** The literal route {@code /items/new}, beside the template {@code /items/{id}}. */
public final class NewItemLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("connected", false);
    }

    @Override
    public String template() {
        return "connected";
    }
}
