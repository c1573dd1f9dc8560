package io.liveview.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a view streamed since its page last got a render: the items to insert (a template iterates
 * them) and the order the client applies, written into the container's {@code lv-stream}
 * attribute by {@link #toString()} (docs/protocol.md, "Streams").
 *
 * <p>A template sees the items where they land in an empty container (each at its position, one
 * after the other): a first render shows them so, and the client, placing them in that order on
 * what it holds (items at 0 one after the other at the front, items at -1 at the end), gets what
 * the same inserts one by one would give.
 */
final class StreamState implements Iterable<LiveStream.Item<?>> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<LiveStream.Item<?>> inserts = new ArrayList<>();
    private final Set<String> ids = new HashSet<>(); // of inserts, so a large batch is not searched item by item
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    private final Set<String> deletes = new LinkedHashSet<>();
    private boolean reset;
    private Integer limit;
    // Counts the batches, so the attribute changes with each one and the client applies it.
    private long batch;

    void insert(String id, Object item, int at, Integer limit) {
        touch();
        LiveStream.Item<?> entry = new LiveStream.Item<>(id, item);
        if (!ids.add(id)) {
            inserts.set(indexOf(id), entry); // streamed again in the same batch: its latest value, where it was
        } else {
            inserts.add(at == -1 ? inserts.size() : Math.min(at, inserts.size()), entry);
        }
        if (at == -1) {
            positions.remove(id);
        } else {
            positions.put(id, at);
        }
        if (limit != null) {
            this.limit = limit;
        }
    }

    void delete(String id) {
        touch();
        if (ids.remove(id)) {
            inserts.remove(indexOf(id));
            positions.remove(id);
        }
        deletes.add(id);
    }

    private int indexOf(String id) {
        for (int i = 0; i < inserts.size(); i++) {
            if (inserts.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    void reset() {
        touch();
        inserts.clear();
        ids.clear();
        positions.clear();
        deletes.clear();
        reset = true;
    }

    /** The page got a render with this batch: the view keeps nothing of it. */
    void rendered() {
        inserts.clear();
        ids.clear();
        positions.clear();
        deletes.clear();
        reset = false;
        limit = null;
    }

    private void touch() {
        if (inserts.isEmpty() && deletes.isEmpty() && !reset && limit == null) {
            batch++;
        }
    }

    @Override
    public Iterator<LiveStream.Item<?>> iterator() {
        return inserts.iterator();
    }

    /** The {@code lv-stream} attribute's value: the order the client applies to this batch. */
    @Override
    public String toString() {
        ObjectNode order = JSON.createObjectNode().put("n", batch);
        if (reset) {
            order.put("reset", true);
        }
        if (!deletes.isEmpty()) {
            deletes.forEach(order.putArray("del")::add);
        }
        if (!positions.isEmpty()) {
            positions.forEach(order.putObject("at")::put);
        }
        if (limit != null) {
            order.put("limit", limit);
        }
        return order.toString();
    }
}
