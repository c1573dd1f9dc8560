package io.liveview.it;

import io.liveview.core.JS;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.Map;

/**
 * A counter behind a hooked element: "inc" also pushes a "highlight" event to the page's hooks;
 * "exec" pushes JS commands for the Exec hook to run.
 */
public final class HookedLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("count", 0).assign("shown", true).assign("got", "nothing");
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "inc" -> socket.update("count", (Integer n) -> n + 1).pushEvent("highlight", Map.of("color", "red"));
            case "exec" -> socket.pushEvent("run", JS.js().addClass("ran").push("from-hook", Map.of("n", 8)).toString());
            case "toggle" -> socket.update("shown", (Boolean shown) -> !shown);
            case "from-hook" -> socket.assign("got", "got " + payload.require("n") + " (" + payload.type() + ")");
            default -> throw new UnknownEventException(event);
        }
    }
}
