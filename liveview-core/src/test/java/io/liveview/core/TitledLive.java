package io.liveview.core;

/** Names the page after its count; {@code "rename"} sets a title, {@code "same"} re-sets the current one. */
public final class TitledLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("count", 0).pageTitle("Titled");
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "inc" -> socket.update("count", (Integer n) -> n + 1);
            case "rename" -> socket.pageTitle(payload.require("title"));
            case "default" -> socket.pageTitle(null);
            case "later" -> socket.send(payload.require("title"));
            default -> throw new UnknownEventException(event);
        }
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        socket.pageTitle((String) message);
    }
}
