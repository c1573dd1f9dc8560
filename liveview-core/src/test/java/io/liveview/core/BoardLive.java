package io.liveview.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A table of {@link Cell} components, with counters of how often each template rendered. */
public final class BoardLive implements LiveView {

    static final AtomicInteger VIEW_RENDERS = new AtomicInteger();
    static final AtomicInteger CELL_RENDERS = new AtomicInteger();

    /** Called by a template: counts its renders. */
    public record Tally(AtomicInteger count) {
        public String tick() {
            count.incrementAndGet();
            return "";
        }
    }

    public record Item(int id, String name) {}

    private final List<Item> items = new ArrayList<>();
    private int next = 1;

    @Override
    public void mount(Params params, Session session, Socket socket) {
        for (; next <= 5; next++) {
            items.add(new Item(next, "item " + next));
        }
        socket.assign("items", List.copyOf(items)).assign("title", "Board").assign("told", "")
                .assign("tally", new Tally(VIEW_RENDERS)).assign("layout", params.get("layout").orElse("table"));
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "rename" -> socket.assign("title", "Renamed");
            case "drop" -> items.removeIf(item -> item.id() == payload.getInt("id"));
            case "add" -> items.add(new Item(next, "item " + next++));
            case "reverse" -> Collections.reverse(items);
            case "relabel" -> items.replaceAll(item -> item.id() == payload.getInt("id") ? new Item(item.id(), "relabelled") : item);
            case "bump" -> socket.sendUpdate(Cell.class, payload.require("id"), Map.of("bump", 10));
            case "relay" -> socket.sendUpdate(Cell.class, "1", Map.of("relay", "2"));
            default -> throw new UnknownEventException(event);
        }
        socket.assign("items", List.copyOf(items));
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        socket.assign("told", message);
    }

    /** A row with its own count. */
    static final class Cell implements LiveComponent {

        @Override
        public void mount(ComponentSocket socket) {
            socket.assign("count", 0).assign("tally", new Tally(CELL_RENDERS)).assign("broken", false);
        }

        @Override
        public void update(Map<String, Object> assigns, ComponentSocket socket) {
            if (assigns.get("bump") instanceof Integer bump) {
                socket.update("count", (Integer count) -> count + bump);
            } else if (assigns.get("relay") instanceof String next) {
                socket.sendUpdate(Cell.class, next, Map.of("bump", 1)); // an update that updates another
            } else {
                assigns.forEach(socket::assign);
            }
        }

        @Override
        public void handleEvent(String event, Payload payload, ComponentSocket socket) {
            switch (event) {
                case "inc" -> socket.update("count", (Integer count) -> count + 1);
                case "tell" -> socket.view().send("cell " + socket.id() + " says hello");
                case "boom" -> throw new IllegalStateException("cell " + socket.id() + " exploded");
                case "break" -> socket.assign("broken", true); // its template fails from now on
                default -> throw new UnknownEventException(event);
            }
        }

        @Override
        public String template() {
            return "board :: cell";
        }
    }
}
