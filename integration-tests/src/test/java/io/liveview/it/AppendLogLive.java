package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.List;

/**
 * A chat log in an {@code lv-update="append"} container: the view keeps no history and renders
 * only the message of the last event, so the log on the page exists only in the browser.
 */
public final class AppendLogLive implements LiveView {

    /**
     * One message.
     *
     * @param id   unique, the element's id
     * @param text what was said
     */
    public record Message(int id, String text) {
    }

    private int lastId;

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("fresh", List.of(new Message(++lastId, "welcome")));
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "say" -> socket.assign("fresh", List.of(new Message(++lastId, payload.get("text").orElse(""))));
            case "edit-first" -> socket.assign("fresh", List.of(new Message(1, "welcome (edited)")));
            default -> throw new UnknownEventException(event);
        }
    }
}
