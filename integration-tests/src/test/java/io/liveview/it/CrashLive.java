package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;

/** A test view whose "boom" event throws, next to a working counter. */
public final class CrashLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("clicks", 0);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "click" -> socket.update("clicks", (Integer n) -> n + 1);
            case "boom" -> throw new IllegalStateException("boom, as the test asked");
            default -> throw new UnknownEventException(event);
        }
    }
}
