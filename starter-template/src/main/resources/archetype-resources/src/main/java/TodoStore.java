package ${package};

import java.util.ArrayList;
import java.util.List;

/**
 * The todo list, in memory: gone when the app stops. Every view of {@code /todo} shares one store,
 * so its methods are synchronized; swap in a database behind the same methods when the app needs
 * one.
 */
public class TodoStore {

    /**
     * One item.
     *
     * @param id    unique within the store, never reused
     * @param title what to do
     * @param done  whether it is done
     */
    public record Todo(int id, String title, boolean done) {
    }

    private final List<Todo> todos = new ArrayList<>();
    private int nextId = 1;

    /** @return the items, oldest first (a copy: changing the store later does not change it) */
    public synchronized List<Todo> list() {
        return List.copyOf(todos);
    }

    /**
     * @param title what to do
     * @return the new item
     */
    public synchronized Todo add(String title) {
        Todo todo = new Todo(nextId++, title, false);
        todos.add(todo);
        return todo;
    }

    /** @param id marks this item done, or not done any more; an unknown id changes nothing */
    public synchronized void toggle(int id) {
        todos.replaceAll(t -> t.id() == id ? new Todo(t.id(), t.title(), !t.done()) : t);
    }

    /** @param id removes this item; an unknown id changes nothing */
    public synchronized void delete(int id) {
        todos.removeIf(t -> t.id() == id);
    }
}
