package io.liveview.core;

/** Links to its next page with {@code @{...}}, so a test sees where links point, first render and live. */
public final class LinksLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("page", params.get("page").map(Integer::parseInt).orElse(1));
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        if (!event.equals("next")) {
            throw new UnknownEventException(event);
        }
        socket.update("page", (Integer n) -> n + 1);
    }
}
