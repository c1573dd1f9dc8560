package io.liveview.core;

/** A view for the dev mode tests: renders {@code dev-probe.html}, which the tests write, with a word an event sets. */
public final class DevProbeLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("word", "mounted");
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        if (!event.equals("say")) {
            throw new UnknownEventException(event);
        }
        socket.assign("word", payload.get("word").orElse("?"));
    }
}
