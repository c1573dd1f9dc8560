package ${package};

import io.liveview.core.Assign;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;

/**
 * A counter: its state lives on the server, the buttons in {@code templates/counter.html} send
 * events, and only the changed number travels back to the page.
 */
public final class CounterLive implements LiveView {

    /** {@code ${count}} in the template; typed, so reading and updating it needs no cast. */
    static final Assign<Integer> COUNT = Assign.of("count");

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign(COUNT, 0);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "inc" -> socket.update(COUNT, n -> n + 1);
            case "dec" -> socket.update(COUNT, n -> n - 1);
            default -> throw new UnknownEventException(event); // a stale page or a forged event
        }
        socket.pageTitle("Count: " + socket.get(COUNT));
    }
}
