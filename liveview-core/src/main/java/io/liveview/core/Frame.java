package io.liveview.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * One protocol frame, {@code [ref, view, kind, payload]}: the only place that knows the frame's
 * shape (docs/protocol.md).
 *
 * @param ref     the client's reference, echoed on the reply; {@code null} on server pushes
 * @param view    the live root id, or {@code null} for socket-level frames
 * @param kind    what the frame is
 * @param payload kind-specific fields
 */
record Frame(String ref, String view, String kind, ObjectNode payload) {

    static final String JOIN = "join";
    static final String EVENT = "event";
    static final String LEAVE = "leave";
    static final String HEARTBEAT = "heartbeat";
    static final String REPLY = "reply";
    static final String DIFF = "diff";
    static final String ERROR = "error";

    private static final Set<String> CLIENT_KINDS = Set.of(JOIN, EVENT, LEAVE, HEARTBEAT);

    /** A text frame that is JSON but not a protocol frame; carries the ref when one was readable. */
    static final class BadFrame extends Exception {
        private final String ref;
        private final String view;

        BadFrame(String ref, String view, String message) {
            super(message);
            this.ref = ref;
            this.view = view;
        }

        String ref() {
            return ref;
        }

        String view() {
            return view;
        }
    }

    /**
     * Reads a frame sent by a client.
     *
     * @throws JsonProcessingException if the text is not JSON at all
     * @throws BadFrame                if it is JSON but not a valid client frame
     */
    static Frame parse(ObjectMapper json, String text) throws JsonProcessingException, BadFrame {
        JsonNode node = json.readTree(text);
        if (node == null || !node.isArray() || node.size() != 4) {
            throw new BadFrame(null, null, "a frame is a JSON array [ref, view, kind, payload]");
        }
        JsonNode ref = node.get(0);
        JsonNode view = node.get(1);
        String refText = ref.isTextual() ? ref.asText() : null;
        String viewText = view.isTextual() ? view.asText() : null;
        if (refText == null) {
            throw new BadFrame(null, viewText, "ref must be a string");
        }
        if (!view.isNull() && viewText == null) {
            throw new BadFrame(refText, null, "view must be a string or null");
        }
        if (!node.get(2).isTextual() || !CLIENT_KINDS.contains(node.get(2).asText())) {
            throw new BadFrame(refText, viewText, "kind must be one of " + CLIENT_KINDS);
        }
        if (!node.get(3).isObject()) {
            throw new BadFrame(refText, viewText, "payload must be an object");
        }
        String kind = node.get(2).asText();
        if (viewText == null && !kind.equals(HEARTBEAT)) {
            throw new BadFrame(refText, null, kind + " needs a view id");
        }
        return new Frame(refText, viewText, kind, (ObjectNode) node.get(3));
    }

    static Frame reply(String ref, String view, ObjectNode payload) {
        return new Frame(ref, view, REPLY, payload);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ObjectNode ok() {
        return object().put("status", "ok");
    }

    static Frame errorReply(String ref, String view, String reason, String message) {
        return reply(ref, view, object().put("status", "error").put("reason", reason).put("message", message));
    }

    static Frame push(String view, String kind, ObjectNode payload) {
        return new Frame(null, view, kind, payload);
    }

    /** A required string field of the payload. */
    String text(String field) throws BadFrame {
        JsonNode value = payload.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadFrame(ref, view, kind + " needs a string field '" + field + "'");
        }
        return value.asText();
    }

    String encode() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(4);
        array.add(ref);
        array.add(view);
        array.add(kind);
        array.add(payload);
        return array.toString();
    }
}
