package io.liveview.core;

/** Sends the page elsewhere from wherever the test asks: its mount, an event, a message. */
public final class AwayLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        params.get("to").ifPresent(socket::redirect);
        if (socket.connected()) {
            params.get("toWhenConnected").ifPresent(socket::redirect);
        }
        socket.assign("count", 0);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "inc" -> socket.update("count", (Integer n) -> n + 1);
            case "away" -> socket.update("count", (Integer n) -> n + 1).redirect(payload.require("to"));
            case "away-later" -> socket.send(payload.require("to"));
            default -> throw new UnknownEventException(event);
        }
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        socket.redirect((String) message);
    }
}
