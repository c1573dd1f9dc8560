package io.liveview.demo;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A shared room: every message posted reaches every open chat page, on every node. */
public final class ChatLive implements LiveView {

    /** The room's topic. */
    public static final String TOPIC = "chat:lobby";
    private static final int KEPT = 50;

    /**
     * One posted message; crosses nodes as JSON.
     *
     * @param id     unique across nodes, keys the list item
     * @param author who posted it
     * @param text   what they said
     */
    public record Message(long id, String author, String text) {
    }

    private final List<Message> messages = new ArrayList<>();

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("Chat");
        socket.assign("messages", messages);
        socket.assign("name", "");
        socket.assign("error", null);
    }

    @Override
    public void connected(Socket socket) {
        socket.subscribe(TOPIC);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        if (!event.equals("post")) {
            throw new UnknownEventException(event);
        }
        String name = payload.get("name").orElse("").strip();
        String text = payload.get("text").orElse("").strip();
        socket.assign("name", name);
        if (name.isEmpty() || text.isEmpty()) {
            socket.assign("error", "A name and a message, please");
            return;
        }
        socket.assign("error", null);
        socket.broadcast(TOPIC, new Message(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), name, text));
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        if (message instanceof Message posted) {
            messages.add(posted);
            if (messages.size() > KEPT) {
                messages.remove(0);
            }
            socket.assign("messages", messages);
        }
    }
}
