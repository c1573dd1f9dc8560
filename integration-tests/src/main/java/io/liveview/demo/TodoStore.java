package io.liveview.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every user's todo list, kept in this server's memory (each node has its own). Views of the same
 * user share it: after a change a view broadcasts on {@link #topic} and the user's other views
 * reload. Bounded: {@value #MAX_ITEMS} items a list, the {@value #MAX_LISTS} most recently used lists.
 */
public final class TodoStore {

    /** Items one list may hold. */
    public static final int MAX_ITEMS = 100;
    /** Lists kept; the least recently used one is forgotten to make room. */
    public static final int MAX_LISTS = 10_000;

    /**
     * One item.
     *
     * @param id    unique within its list
     * @param title what to do
     * @param done  whether it is done
     */
    public record Todo(int id, String title, boolean done) {
    }

    private static final class TodoList {
        private List<Todo> items = List.of();
        private int nextId = 1;
    }

    private final Map<String, TodoList> lists = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TodoList> eldest) {
            return size() > MAX_LISTS;
        }
    };

    /**
     * @param user whose list
     * @return the topic the user's views hear changes on
     */
    public static String topic(String user) {
        return "todos:" + user;
    }

    /**
     * @param user whose list
     * @return the items, oldest first (an unmodifiable snapshot)
     */
    public synchronized List<Todo> list(String user) {
        return listOf(user).items;
    }

    /**
     * @param user whose list
     * @param id   the item's id
     * @return the item, if the list has it
     */
    public synchronized Optional<Todo> find(String user, int id) {
        return listOf(user).items.stream().filter(t -> t.id() == id).findFirst();
    }

    /**
     * Adds an item at the end.
     *
     * @return {@code false} if the list already holds {@value #MAX_ITEMS} items
     */
    public synchronized boolean add(String user, String title) {
        TodoList list = listOf(user);
        if (list.items.size() >= MAX_ITEMS) {
            return false;
        }
        List<Todo> items = new ArrayList<>(list.items);
        items.add(new Todo(list.nextId++, title, false));
        list.items = List.copyOf(items);
        return true;
    }

    /** Marks an item done, or not done any more; an unknown id changes nothing. */
    public synchronized void toggle(String user, int id) {
        change(user, id, t -> new Todo(t.id(), t.title(), !t.done()));
    }

    /**
     * Gives an item a new title.
     *
     * @return {@code false} if the list has no such item (deleted meanwhile)
     */
    public synchronized boolean rename(String user, int id, String title) {
        return change(user, id, t -> new Todo(t.id(), title, t.done()));
    }

    /** Removes an item; an unknown id changes nothing. */
    public synchronized void delete(String user, int id) {
        TodoList list = listOf(user);
        list.items = list.items.stream().filter(t -> t.id() != id).toList();
    }

    private boolean change(String user, int id, UnaryOperator<Todo> change) {
        TodoList list = listOf(user);
        boolean found = list.items.stream().anyMatch(t -> t.id() == id);
        list.items = list.items.stream().map(t -> t.id() == id ? change.apply(t) : t).toList();
        return found;
    }

    private TodoList listOf(String user) {
        return lists.computeIfAbsent(user, u -> new TodoList());
    }
}
