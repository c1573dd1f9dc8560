package io.liveview.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * What the {@code lv-stream} attribute of a stream container tells the client about the items of
 * a render, as {@link PatchApplier} (and the browser client) apply it:
 * {@code {"n": 7, "reset": true, "del": ["row-3"], "at": {"row-9": 0}, "limit": -500}}.
 *
 * <p>When the attribute changes: with {@code reset} every child goes, then the children whose ids
 * {@code del} names. When items are inserted (in the order they take among themselves): an item
 * whose id a child already has replaces that child in place; any other goes to the index {@code at}
 * gives it (-1, the default, after the last; 0 the front, where the batch's items at 0 go one
 * after another); then {@code limit}, if present, trims the container to its first {@code limit}
 * element children (a positive limit) or its last {@code -limit} (a negative one). {@code n}
 * counts the view's renders that changed the stream, so the attribute changes with each of them.
 */
final class StreamOrder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode order;

    private StreamOrder(JsonNode order) {
        this.order = order;
    }

    /** The order an attribute value gives; a value that is not a JSON object orders nothing. */
    static StreamOrder of(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return new StreamOrder(node != null && node.isObject() ? node : JSON.createObjectNode());
        } catch (IOException e) {
            return new StreamOrder(JSON.createObjectNode());
        }
    }

    void resetAndDelete(Element container) {
        if (order.path("reset").asBoolean()) {
            container.empty();
        }
        for (JsonNode id : order.path("del")) {
            Element item = PatchApplier.child(container, id.asText());
            if (item != null) {
                item.remove();
            }
        }
    }

    void insert(Element container, List<Node> items) {
        Map<String, Element> byId = new HashMap<>();
        for (Element child : container.children()) {
            byId.putIfAbsent(child.id(), child);
        }
        int front = 0; // items at 0 arrive in the order they take among themselves: one after another
        for (Node node : items) {
            if (!(node instanceof Element item) || !item.hasAttr("id")) {
                continue;
            }
            Element existing = byId.put(item.id(), item);
            if (existing != null) {
                existing.replaceWith(item);
                continue;
            }
            int at = order.path("at").path(item.id()).asInt(-1);
            if (at == 0) {
                at = front++;
            }
            if (at < 0 || at >= container.childrenSize()) {
                container.appendChild(item);
            } else {
                container.child(at).before(item);
            }
        }
        if (order.has("limit")) {
            int limit = order.get("limit").asInt();
            List<Element> children = new ArrayList<>(container.children());
            int keep = Math.abs(limit);
            for (int i = 0; i < children.size() - keep; i++) {
                children.get(limit > 0 ? keep + i : i).remove();
            }
        }
    }
}
