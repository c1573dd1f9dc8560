package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import java.util.ArrayList;
import java.util.List;

/** Shows every event it gets, one line each, with the values the bindings send; "slow..." events take 400 ms. */
public final class BindingsLive implements LiveView {

    private final List<String> log = new ArrayList<>();

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("log", log);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) throws InterruptedException {
        if (event.startsWith("slow")) {
            Thread.sleep(400);
        }
        StringBuilder line = new StringBuilder(event).append(" (").append(payload.type()).append(')');
        for (String name : List.of("key", "value", "scope")) {
            payload.get(name).ifPresent(v -> line.append(' ').append(name).append('=').append(v));
        }
        payload.target().ifPresent(t -> line.append(" target=").append(t).append(' ').append(t).append('=')
                .append(payload.get(t).orElse("")));
        log.add(line.toString());
        socket.assign("log", log);
    }
}
