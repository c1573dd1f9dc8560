package io.liveview.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates valid client frames, seeded: character-level edits of the text (flips, deletions,
 * insertions, duplicated spans, truncation, trailing data) and JSON-level edits of the frame
 * (elements and payload fields replaced by values of other types, dropped, duplicated, swapped,
 * wrapped, nested deeply; long strings, huge and non-JSON numbers, control characters, lone
 * surrogates). Protocol-level mutations (frames in the wrong order or with the wrong token) are the
 * case generator's business.
 *
 * <p>Almost any text edit makes a frame that is not JSON, which closes the socket and ends the
 * case; a mutator made to keep frames JSON only edits their structure with values within the
 * parser's limits, so that cases get past the decoder into dispatch.
 */
final class FrameMutator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] CHARACTERS = {
            "[", "]", "{", "}", "\"", ",", ":", "\\", " ", "\t", "\n", "0", "1", "9", "-", "+", "e", ".",
            "n", "t", "x", "\u0000", "\u001f", "\u007f", "\u00e9", "\u2028", "\u202e", "\ufeff", "\ud800",
            "\udc00", "\uffff", "\ud83d\ude00"};
    private static final String[] TRAILERS = {" ", "\n", "x", "[]", "{}", "null", "0", ",1", "]", "}", "\u0000", "\"\""};
    /** JSON text that is no valid JSON value, or valid only in lenient parsers. */
    private static final String[] NOT_JSON = {"NaN", "Infinity", "-Infinity", "undefined", "'single'", "01", ".5", "+1",
            "1.", "0x10", "tru", "nul", "[1,]", "{\"a\":1,}", "{a:1}", "\"\\x41\"", "\"\\ud800\"", "\"\\u12\""};

    /** Deepest tree Jackson's writer accepts (its default nesting limit is 1,000). */
    private static final int MAX_TREE_DEPTH = 400;

    private final Random random;
    private final boolean keepJson;

    /** @param keepJson whether mutated frames must stay JSON within the parser's limits */
    FrameMutator(Random random, boolean keepJson) {
        this.random = random;
        this.keepJson = keepJson;
    }

    /** One to three mutations of the frame's text or structure. */
    String mutate(String frame) {
        String text = frame;
        for (int rounds = 1 + random.nextInt(3); rounds > 0; rounds--) {
            text = !keepJson && random.nextInt(5) < 2 ? mutateText(text) : mutateJson(text);
        }
        return text;
    }

    private String mutateText(String text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        int end = Math.min(text.length(), at + 1 + random.nextInt(8));
        return switch (random.nextInt(6)) {
            case 0 -> at < text.length() ? text.substring(0, at) + pick(CHARACTERS) + text.substring(at + 1) : text + pick(CHARACTERS);
            case 1 -> text.substring(0, at) + text.substring(end);
            case 2 -> text.substring(0, at) + pick(CHARACTERS).repeat(1 + random.nextInt(3)) + text.substring(at);
            case 3 -> text.substring(0, end) + text.substring(at, end).repeat(1 + random.nextInt(4)) + text.substring(end);
            case 4 -> text.substring(0, at);
            default -> text + (random.nextInt(4) == 0 ? text : pick(TRAILERS));
        };
    }

    private String mutateJson(String text) {
        JsonNode parsed;
        try {
            parsed = TestClient.JSON.readTree(text);
        } catch (IOException e) {
            return keepJson ? text : mutateText(text);
        }
        if (!(parsed instanceof ArrayNode frame) || frame.isEmpty()) {
            return keepJson ? text : mutateText(text);
        }
        int element = random.nextInt(frame.size());
        ObjectNode payload = frame.size() == 4 && frame.get(3) instanceof ObjectNode object ? object : null;
        switch (random.nextInt(9)) {
            case 0 -> frame.set(element, weirdValue());
            case 1 -> {
                if (payload != null) {
                    ObjectNode target = payload.get("value") instanceof ObjectNode value && random.nextBoolean() ? value : payload;
                    target.set(fieldOf(target), weirdValue());
                } else {
                    frame.set(element, weirdValue());
                }
            }
            case 2 -> {
                if (payload != null && !payload.isEmpty() && random.nextBoolean()) {
                    payload.remove(fieldOf(payload));
                } else {
                    frame.remove(element);
                }
            }
            case 3 -> frame.add(random.nextBoolean() ? frame.get(element).deepCopy() : weirdValue());
            case 4 -> {
                int other = random.nextInt(frame.size());
                JsonNode swapped = frame.get(element);
                frame.set(element, frame.get(other));
                frame.set(other, swapped);
            }
            case 5 -> {
                if (payload != null && !payload.isEmpty()) {
                    frame.set(3, raw(withDuplicateField(payload)));
                } else {
                    frame.set(element, NODES.arrayNode().add(frame.get(element)));
                }
            }
            case 6 -> {
                return random.nextBoolean() ? asObject(frame).toString() : "[" + frame + "]";
            }
            case 7 -> frame.set(element, nested(frame.get(element), depth()));
            default -> frame.set(element, NODES.textNode(longString()));
        }
        try {
            return frame.toString();
        } catch (RuntimeException e) {
            // Nested deeper than Jackson writes a tree, after several rounds: edit the text instead.
            return keepJson ? text : mutateText(text);
        }
    }

    /** A value of any type, chosen for trouble: wrong types, extremes, invalid text. */
    JsonNode weirdValue() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("");
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> raw(pick("0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483649", "1e999999",
                    "-1e-999999", "1.5", "1E2", "0.0000001", "9007199254740993"));
            case 4 -> keepJson ? NODES.numberNode(random.nextLong()) : raw((random.nextBoolean() ? "-" : "") + "9".repeat(pickInt(3000, 5000, 20_000)));
            case 5 -> keepJson ? NODES.textNode(pick(NOT_JSON)) : raw(pick(NOT_JSON));
            case 6 -> NODES.textNode(longString());
            case 7 -> NODES.textNode(pick("5", " 7 ", "-0", "2147483648", "99999999999999999999", "1e3", "0x10", "NaN",
                    "Infinity", "+5", "inc", "need-int", "noop", "join", "heartbeat", "<script>", "%zz", "lv-x", "\u0000",
                    "\ud800", "\udfff\ud800", "\u202e\u2028", "\u00e9\u6f22\ud83d\ude00"));
            case 8 -> NODES.objectNode();
            case 9 -> NODES.arrayNode();
            case 10 -> nested(NODES.textNode("x"), depth());
            default -> NODES.arrayNode().add(NODES.textNode("1")).add(NODES.nullNode()).add(NODES.objectNode());
        };
    }

    /** A string long enough to cross a field's limit, or to make a careless reply large. */
    private String longString() {
        int length = pickInt(33, 64, 65, 101, 1_000, 20_000);
        String unit = pick("x", "7", "\u0000", "\u202e", "\ud800", "\u00e9", "\\");
        return unit.repeat(length);
    }

    private int depth() {
        return keepJson ? pickInt(2, 5, Frame.MAX_DEPTH - 6) : pickInt(2, Frame.MAX_DEPTH - 4, Frame.MAX_DEPTH + 4, 500, 5_000);
    }

    private JsonNode nested(JsonNode inner, int depth) {
        if (depth > MAX_TREE_DEPTH) {
            // Deeper than Jackson writes a tree: spelled out as text.
            return raw("[".repeat(depth) + inner + "]".repeat(depth));
        }
        JsonNode node = inner;
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    private String fieldOf(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.add(pick("by", "n", "token", "csrf", "url", "event", "type", "value", "target", "pristine", ""));
        return names.get(random.nextInt(names.size()));
    }

    /** The object's JSON text with one of its fields written twice, the second time with another value. */
    private String withDuplicateField(ObjectNode object) {
        String duplicated = fieldOf(object);
        StringBuilder text = new StringBuilder("{");
        object.properties().forEach(field -> text.append(NODES.textNode(field.getKey())).append(':').append(field.getValue()).append(','));
        text.append(NODES.textNode(duplicated)).append(':').append(weirdValue()).append('}');
        return text.toString();
    }

    private static ObjectNode asObject(ArrayNode frame) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < frame.size(); i++) {
            object.set(String.valueOf(i), frame.get(i));
        }
        return object;
    }

    private static JsonNode raw(String json) {
        return NODES.rawValueNode(new RawValue(json));
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private int pickInt(int... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
