package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.List;

/**
 * A test view that shows a test's HTML documents one after another, unescaped, inside a wrapper
 * element. Its "show" event (the {@code #next} button, which carries the next step's number)
 * switches to that step's document, so the server diffs the previous document against it.
 * It mounts with step 0: an empty wrapper.
 */
public final class HtmlSwapLive implements LiveView {

    /**
     * One document to show.
     *
     * @param key  the wrapper's {@code lv-key}: a new key makes the wrapper a new element, so the
     *             document arrives whole instead of as a diff against an unrelated one
     * @param html the document, rendered unescaped inside the wrapper
     */
    public record Step(String key, String html) {
    }

    private final List<Step> steps;

    /**
     * @param steps the documents of steps 1, 2, ...
     */
    public HtmlSwapLive(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("step", 0).assign("key", "start").assign("html", "");
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        if (!event.equals("show")) {
            throw new UnknownEventException(event);
        }
        int step = payload.getInt("step");
        Step shown = steps.get(step - 1);
        socket.assign("step", step).assign("key", shown.key()).assign("html", shown.html());
    }
}
