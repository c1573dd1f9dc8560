package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.Locale;

/** A test view that renders back what is typed, slowly, so replies arrive while the user types on. */
public final class TypingLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("q", "");
        socket.assign("changes", 0);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) throws InterruptedException {
        switch (event) {
            case "typed" -> {
                // Server latency: every reply is older than the keystrokes typed meanwhile.
                Thread.sleep(40);
                socket.assign("q", payload.get("q").orElse(""));
                socket.update("changes", (Integer n) -> n + 1);
            }
            case "clear" -> socket.assign("q", "");
            case "shout" -> socket.update("q", (String q) -> q.toUpperCase(Locale.ROOT));
            default -> throw new UnknownEventException(event);
        }
    }
}
