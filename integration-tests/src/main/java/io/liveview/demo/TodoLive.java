package io.liveview.demo;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.ArrayList;
import java.util.List;

/** A todo list: add with validation, toggle, delete, filter. */
public final class TodoLive implements LiveView {

    /**
     * One item.
     *
     * @param id    unique within the list
     * @param title what to do
     * @param done  whether it is done
     */
    public record Todo(int id, String title, boolean done) {
    }

    private final List<Todo> todos = new ArrayList<>();
    private int nextId = 1;
    private String filter = "all";

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("pageTitle", "Todos");
        socket.assign("error", null);
        show(socket);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "add" -> {
                String title = payload.get("title").orElse("").strip();
                if (title.isEmpty()) {
                    socket.assign("error", "Title can't be empty");
                    return;
                }
                todos.add(new Todo(nextId++, title, false));
                socket.assign("error", null);
            }
            case "toggle" -> {
                int id = payload.getInt("id");
                todos.replaceAll(t -> t.id() == id ? new Todo(t.id(), t.title(), !t.done()) : t);
            }
            case "delete" -> {
                int id = payload.getInt("id");
                todos.removeIf(t -> t.id() == id);
            }
            case "filter" -> filter = payload.get("filter").filter(List.of("all", "active", "done")::contains).orElse("all");
            default -> throw new UnknownEventException(event);
        }
        show(socket);
    }

    private void show(Socket socket) {
        socket.assign("filter", filter);
        socket.assign("visible", todos.stream().filter(t -> switch (filter) {
            case "active" -> !t.done();
            case "done" -> t.done();
            default -> true;
        }).toList());
        socket.assign("left", todos.stream().filter(t -> !t.done()).count());
    }
}
