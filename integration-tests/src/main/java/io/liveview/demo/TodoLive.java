package io.liveview.demo;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import io.liveview.demo.TodoStore.Todo;
import java.util.List;

/**
 * The signed-in user's todo list: add with validation, toggle, delete, filter (in the URL), edit on
 * its own page.
 * The user's other tabs follow every change.
 */
public final class TodoLive implements LiveView {

    /** Longest title accepted. */
    static final int MAX_TITLE = 200;

    private final TodoStore store;
    private String user;
    private String filter = "all";

    /** @param store where every user's list is kept */
    public TodoLive(TodoStore store) {
        this.store = store;
    }

    @Override
    public void mount(Params params, Session session, Socket socket) {
        user = socket.get("user"); // assigned by SignIn.REQUIRE_USER
        socket.assign("error", null); // the list itself: handleParams, which follows with the filter
    }

    /** The filter is in the URL ({@code ?filter=active}), so back, forward and reload keep it. */
    @Override
    public void handleParams(Params params, Socket socket) {
        filter = params.get("filter").filter(List.of("all", "active", "done")::contains).orElse("all");
        show(socket);
    }

    @Override
    public void connected(Socket socket) {
        socket.subscribe(TodoStore.topic(user));
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "add" -> {
                String title = payload.get("title").orElse("").strip();
                String error = title.isEmpty() ? "Title can't be empty"
                        : title.length() > MAX_TITLE ? "At most " + MAX_TITLE + " characters, please"
                        : store.add(user, title) ? null
                        : "The list is full (" + TodoStore.MAX_ITEMS + " items)";
                socket.assign("error", error);
                if (error != null) {
                    return;
                }
                socket.putFlash("info", "Added “" + title + "”");
            }
            case "toggle" -> store.toggle(user, payload.getInt("id"));
            case "delete" -> store.delete(user, payload.getInt("id"));
            default -> throw new UnknownEventException(event);
        }
        socket.broadcastFrom(TodoStore.topic(user), "changed");
        show(socket);
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        show(socket); // another tab of this user changed the list
    }

    private void show(Socket socket) {
        List<Todo> todos = store.list(user);
        socket.assign("filter", filter);
        socket.assign("visible", todos.stream().filter(t -> switch (filter) {
            case "active" -> !t.done();
            case "done" -> t.done();
            default -> true;
        }).toList());
        long left = todos.stream().filter(t -> !t.done()).count();
        socket.assign("left", left);
        socket.pageTitle(left == 0 ? "Todos" : "Todos (" + left + " left)");
    }
}
