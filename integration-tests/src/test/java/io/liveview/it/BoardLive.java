package io.liveview.it;

import io.liveview.core.ComponentSocket;
import io.liveview.core.LiveComponent;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Cards, each a component with a count, a rename form and tag components of its own. */
public final class BoardLive implements LiveView {

    public record Card(int id, String name) {}

    private final List<Card> cards = new ArrayList<>();
    private int next = 1;

    @Override
    public void mount(Params params, Session session, Socket socket) {
        while (next <= 4) {
            cards.add(new Card(next, "card " + next++));
        }
        socket.assign("cards", List.copyOf(cards)).assign("title", "Board").assign("told", "");
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "add" -> cards.add(new Card(next, "card " + next++));
            case "reverse" -> Collections.reverse(cards);
            case "drop-first" -> cards.removeFirst();
            case "rename" -> socket.assign("title", "Board renamed");
            case "star" -> socket.sendUpdate(CardComponent.class, payload.require("id"), Map.of("starred", true));
            default -> throw new UnknownEventException(event);
        }
        socket.assign("cards", List.copyOf(cards));
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        socket.assign("told", message);
    }

    /** A card: its count and name are its own; its tags are components too. */
    static final class CardComponent implements LiveComponent {

        @Override
        public void mount(ComponentSocket socket) {
            socket.assign("count", 0).assign("starred", false).assign("tags", List.of("red", "blue"));
        }

        @Override
        public void update(Map<String, Object> assigns, ComponentSocket socket) {
            if (assigns.containsKey("starred")) {
                socket.assign("starred", assigns.get("starred"));
                return;
            }
            Card card = (Card) assigns.get("card");
            socket.assign("card", card);
            if (socket.get("name") == null) {
                socket.assign("name", card.name());
            }
        }

        @Override
        public void handleEvent(String event, Payload payload, ComponentSocket socket) {
            switch (event) {
                case "inc" -> socket.update("count", (Integer count) -> count + 1);
                case "rename" -> socket.assign("name", payload.require("name"));
                case "tell" -> socket.view().send(socket.get("name") + " says hello");
                default -> throw new UnknownEventException(event);
            }
        }

        @Override
        public String template() {
            return "board :: card";
        }
    }

    /** A tag a click turns on and off. */
    static final class Tag implements LiveComponent {

        @Override
        public void mount(ComponentSocket socket) {
            socket.assign("on", false);
        }

        @Override
        public void handleEvent(String event, Payload payload, ComponentSocket socket) {
            socket.update("on", (Boolean on) -> !on);
        }

        @Override
        public String template() {
            return "board :: tag";
        }
    }
}
