package io.liveview.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
    /** Client kind: the page moved to another URL of the view ({@code url}). */
    static final String PATCH = "patch";
    static final String HEARTBEAT = "heartbeat";
    static final String REPLY = "reply";
    static final String DIFF = "diff";
    /** Push kind: load another page ({@code to}), asked by a view's callback. */
    static final String REDIRECT = "redirect";
    static final String ERROR = "error";
    /** Push kind, dev mode only: a layout template was saved; the page reloads. */
    static final String RELOAD = "reload";

    private static final Set<String> CLIENT_KINDS = Set.of(JOIN, EVENT, PATCH, LEAVE, HEARTBEAT);

    /** Longest ref a client may send: the client's is a decimal counter. */
    static final int MAX_REF_LENGTH = 32;
    /** Longest view id a client may send: the server's are 25 characters. */
    static final int MAX_VIEW_LENGTH = 64;
    /** Deepest nesting of arrays and objects in a client frame. */
    static final int MAX_DEPTH = 32;
    /** Longest number literal in a client frame. */
    static final int MAX_NUMBER_LENGTH = 100;

    private static final ObjectReader READER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build())
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A text frame that is not exactly one JSON value within the limits: the socket is closed (1008). */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

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
     * @throws Malformed if the text is not exactly one JSON value within the nesting and number limits
     * @throws BadFrame  if it is JSON but not a valid client frame
     */
    static Frame parse(String text) throws Malformed, BadFrame {
        JsonNode node = readJson(text);
        if (!node.isArray() || node.size() != 4) {
            throw new BadFrame(null, null, "a frame is a JSON array [ref, view, kind, payload]");
        }
        JsonNode ref = node.get(0);
        JsonNode view = node.get(1);
        String refText = ref.isTextual() && ref.asText().length() <= MAX_REF_LENGTH ? ref.asText() : null;
        String viewText = view.isTextual() && view.asText().length() <= MAX_VIEW_LENGTH ? view.asText() : null;
        if (refText == null) {
            throw new BadFrame(null, viewText, "ref must be a string of at most " + MAX_REF_LENGTH + " characters");
        }
        if (!view.isNull() && viewText == null) {
            throw new BadFrame(refText, null, "view must be null or a string of at most " + MAX_VIEW_LENGTH + " characters");
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

    private static JsonNode readJson(String text) throws Malformed {
        try {
            JsonNode node = READER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new Malformed("frame is empty");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new Malformed("frame exceeds a JSON limit (nesting depth " + MAX_DEPTH
                    + ", number length " + MAX_NUMBER_LENGTH + ")");
        } catch (JsonProcessingException e) {
            // Syntax errors are JsonParseExceptions; a complete value followed by more is a mismatch.
            throw new Malformed(e instanceof MismatchedInputException
                    ? "frame holds more than one JSON value" : "frame is not JSON");
        }
    }

    static Frame reply(String ref, String view, ObjectNode payload) {
        return new Frame(ref, view, REPLY, payload);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** An ok reply's payload: nothing but what it carries (only error replies have a status). */
    static ObjectNode ok() {
        return object();
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
        // A reply's ref says which frame it answers: naming the view again would only cost bytes.
        array.add(kind.equals(REPLY) ? null : view);
        array.add(kind);
        array.add(payload);
        return array.toString();
    }
}
