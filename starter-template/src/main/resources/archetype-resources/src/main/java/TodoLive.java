package ${package};

import io.liveview.core.Assign;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.List;

/**
 * A todo list shared by everyone who opens {@code /todo}: add, tick off, delete. A change made in
 * one tab shows in every other open tab at once.
 */
public final class TodoLive implements LiveView {

    static final Assign<List<TodoStore.Todo>> TODOS = Assign.of("todos");
    static final Assign<String> ERROR = Assign.of("error");

    /** Every view of the list listens here; one that changed the list tells the others. */
    private static final String TOPIC = "todos";

    private final TodoStore store;

    /** @param store where the list is kept (given, so a test can hand in its own) */
    public TodoLive(TodoStore store) {
        this.store = store;
    }

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign(ERROR, null);
        show(socket);
    }

    @Override
    public void connected(Socket socket) {
        socket.subscribe(TOPIC); // only a live page can hear the others; the first render needs no topic
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "add" -> {
                String title = payload.get("title").orElse("").strip();
                if (title.isEmpty()) {
                    socket.assign(ERROR, "Write something first");
                    return;
                }
                store.add(title);
                socket.assign(ERROR, null);
            }
            case "toggle" -> store.toggle(payload.getInt("id"));
            case "delete" -> store.delete(payload.getInt("id"));
            default -> throw new UnknownEventException(event);
        }
        socket.broadcastFrom(TOPIC, "changed"); // to every other view of the list, not this one
        show(socket);
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        show(socket); // another view changed the list
    }

    private void show(Socket socket) {
        List<TodoStore.Todo> todos = store.list();
        long left = todos.stream().filter(t -> !t.done()).count();
        socket.assign(TODOS, todos);
        socket.assign("left", left);
        socket.pageTitle(left == 0 ? "Todos" : "Todos (" + left + ")");
    }
}
