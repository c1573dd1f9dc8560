package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.TerminateReason;
import io.liveview.core.UnknownEventException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One of several pages ({@code /visit/{name}}) to navigate between: counts its mounts by name and
 * records how each instance ended; its tab is in the URL; "push" navigates to page c with a flash.
 */
public final class VisitLive implements LiveView {

    static final Map<String, AtomicInteger> MOUNTS = new ConcurrentHashMap<>();
    static final List<String> ENDED = new CopyOnWriteArrayList<>();

    private String name;

    @Override
    public void mount(Params params, Session session, Socket socket) {
        name = params.require("name");
        MOUNTS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        socket.assign("name", name).pageTitle("Visit " + name);
    }

    @Override
    public void handleParams(Params params, Socket socket) {
        socket.assign("tab", params.get("tab").orElse("1"));
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        if (!event.equals("push")) {
            throw new UnknownEventException(event);
        }
        socket.putFlash("info", "from " + name).pushNavigate("/visit/c");
    }

    @Override
    public void terminate(TerminateReason reason, Socket socket) {
        ENDED.add(name + " " + reason);
    }
}
