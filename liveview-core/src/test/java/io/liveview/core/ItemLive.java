package io.liveview.core;

/** A view at {@code /items/{id}}: shows its path parameter, read as an int, and a query value. */
public final class ItemLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("id", params.getInt("id"));
        socket.assign("tab", params.get("tab").orElse("details"));
        socket.assign("path", params.path());
    }
}
