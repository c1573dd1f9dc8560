package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;

/**
 * Elements for JS commands to act on, and a server that changes them: "bump" re-renders their
 * attributes, "regen" replaces {@code #box}'s parent (a new {@code lv-key}), "log" notes what a
 * push sent.
 */
public final class JsCommandsLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("n", 1).assign("gen", 1).assign("log", "");
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "bump" -> socket.update("n", (Integer n) -> n + 1);
            case "regen" -> socket.update("gen", (Integer gen) -> gen + 1);
            case "log" -> socket.update("log", (String log) -> log + payload.require("m") + "/" + payload.get("k").orElse("-") + ";");
            default -> throw new UnknownEventException(event);
        }
    }
}
