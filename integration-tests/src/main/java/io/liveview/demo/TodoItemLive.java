package io.liveview.demo;

import io.liveview.core.BadParamException;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import io.liveview.demo.TodoStore.Todo;

/** {@code /todo/{id}}: one item of the signed-in user's list, with a form to rename it. */
public final class TodoItemLive implements LiveView {

    private final TodoStore store;
    private String user;
    private int id;

    /** @param store where every user's list is kept */
    public TodoItemLive(TodoStore store) {
        this.store = store;
    }

    @Override
    public void mount(Params params, Session session, Socket socket) {
        user = socket.get("user"); // assigned by SignIn.REQUIRE_USER
        id = params.getInt("id");
        // Another user's ids are not this user's: their items are simply not found here.
        Todo todo = store.find(user, id).orElseThrow(() -> new BadParamException("no item " + id));
        socket.pageTitle("Edit: " + todo.title());
        socket.assign("todo", todo);
        socket.assign("error", null);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        if (!event.equals("save")) {
            throw new UnknownEventException(event);
        }
        String title = payload.get("title").orElse("").strip();
        if (title.isEmpty() || title.length() > TodoLive.MAX_TITLE) {
            socket.assign("error", "A title of 1 to " + TodoLive.MAX_TITLE + " characters, please");
            return;
        }
        store.rename(user, id, title);
        socket.broadcast(TodoStore.topic(user), "changed");
        socket.putFlash("info", "Saved “" + title + "”").pushNavigate("/todo"); // the list shows the flash
    }
}
