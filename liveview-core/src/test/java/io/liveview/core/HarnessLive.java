package io.liveview.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A view for LiveViewTest's own tests: every kind of event, message, push, failure and redirect. */
public final class HarnessLive implements LiveView {

    /** The topic every mounted HarnessLive hears. */
    static final String TOPIC = "harness";

    private final List<String> items = new ArrayList<>();

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("count", 0);
        socket.assign("user", session.get("user").orElse("nobody"));
        socket.assign("heard", "");
        socket.assign("sent", "");
        socket.assign("loaded", "");
        socket.assign("items", items);
    }

    @Override
    public void connected(Socket socket) {
        socket.subscribe(TOPIC);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "inc" -> socket.update("count", (Integer n) -> n + 1);
            case "add" -> socket.update("count", (Integer n) -> n + payload.getInt("by"));
            case "boom" -> throw new IllegalStateException("boom on purpose");
            case "away" -> socket.redirect("/elsewhere");
            case "later" -> socket.sendAfter(Duration.ofMillis(30), "late");
            case "load" -> socket.startAsync("load", () -> {
                Thread.sleep(30);
                return "loaded";
            });
            case "rename" -> socket.pageTitle("Renamed");
            case "item" -> {
                items.add("item " + (items.size() + 1));
                socket.assign("items", items);
            }
            case "save", "search" -> socket.assign("sent", payload.toString() + payload.target().map(t -> " target " + t).orElse(""));
            default -> throw new UnknownEventException(event);
        }
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        if ("crash".equals(message)) {
            throw new IllegalStateException("crashed on a message, on purpose");
        }
        if ("go".equals(message)) {
            socket.redirect("/gone");
        } else {
            socket.assign("heard", message);
        }
    }

    @Override
    public void handleAsync(String name, AsyncResult result, Socket socket) {
        socket.assign("loaded", name + ": " + result.value());
    }

    @Override
    public String template() {
        return "harness";
    }
}
