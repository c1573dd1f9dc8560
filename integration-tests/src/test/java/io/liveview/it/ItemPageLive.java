package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;

/** A page per item, {@code /items/{id}}: shows the id and counts likes, live. */
public final class ItemPageLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("id", params.getInt("id"));
        socket.assign("likes", 0);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        if (!event.equals("like")) {
            throw new UnknownEventException(event);
        }
        socket.update("likes", (Integer n) -> n + 1);
    }
}
