package io.liveview.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a patch: an array of operations, each an array whose first element is the
 * one-letter code of {@code docs/protocol.md}, e.g. {@code [["t",[0,1],"5"],["d",[2]]]}.
 */
public final class PatchCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PatchCodec() {}

    /**
     * Builds the JSON tree of a patch, to embed in a frame's payload.
     *
     * @param patch the patch
     * @param factory the factory of the tree the array will be part of
     * @return the array of operations
     */
    public static ArrayNode toJson(Patch patch, JsonNodeFactory factory) {
        ArrayNode array = factory.arrayNode(patch.ops().size());
        for (Op op : patch.ops()) {
            ArrayNode a = array.addArray();
            switch (op) {
                case Op.SetText(var path, var text) -> path(a.add("t"), path).add(text);
                case Op.SetAttr(var path, var name, var value) ->
                        path(a.add("a"), path).add(name).add(value);
                case Op.RemoveAttr(var path, var name) -> path(a.add("r"), path).add(name);
                case Op.SetProperty(var path, var name, var value) -> {
                    path(a.add("p"), path).add(name);
                    if (value instanceof Boolean b) {
                        a.add(b);
                    } else {
                        a.add((String) value);
                    }
                }
                case Op.Insert(var path, var index, var html) ->
                        path(a.add("i"), path).add(index).add(html);
                case Op.Remove(var path) -> path(a.add("d"), path);
                case Op.Move(var path, var from, var to) -> path(a.add("m"), path).add(from).add(to);
                case Op.Replace(var path, var html) -> path(a.add("x"), path).add(html);
                case Op.ReplaceChildren(var path, var html) -> path(a.add("h"), path).add(html);
            }
        }
        return array;
    }

    /**
     * Encodes a patch as JSON text.
     *
     * @param patch the patch
     * @return the compact JSON array
     */
    public static String encode(Patch patch) {
        return toJson(patch, MAPPER.getNodeFactory()).toString();
    }

    /**
     * Decodes a patch from a JSON tree.
     *
     * @param json an array of operations
     * @return the patch
     * @throws IllegalArgumentException if the JSON is not a patch
     */
    public static Patch fromJson(JsonNode json) {
        if (!json.isArray()) {
            throw new IllegalArgumentException("a patch is an array, not " + json.getNodeType());
        }
        List<Op> ops = new ArrayList<>(json.size());
        for (JsonNode a : json) {
            try {
                ops.add(op(a));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad operation " + a + ": " + e.getMessage(), e);
            }
        }
        return new Patch(ops);
    }

    /**
     * Decodes a patch from JSON text.
     *
     * @param json the text of an array of operations
     * @return the patch
     * @throws IllegalArgumentException if the text is not a JSON patch
     */
    public static Patch decode(String json) {
        try {
            return fromJson(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Op op(JsonNode a) {
        if (!a.isArray() || a.isEmpty()) {
            throw new IllegalArgumentException("an operation is a non-empty array");
        }
        String code = string(a, 0);
        int size = switch (code) {
            case "d" -> 2;
            case "r", "x", "h", "t" -> 3;
            case "a", "p", "i", "m" -> 4;
            default -> throw new IllegalArgumentException("unknown code " + code);
        };
        if (a.size() != size) {
            throw new IllegalArgumentException("expected " + size + " elements");
        }
        List<Integer> path = path(a.get(1));
        return switch (code) {
            case "t" -> new Op.SetText(path, string(a, 2));
            case "a" -> new Op.SetAttr(path, string(a, 2), string(a, 3));
            case "r" -> new Op.RemoveAttr(path, string(a, 2));
            case "p" -> {
                JsonNode value = a.get(3);
                yield new Op.SetProperty(path, string(a, 2),
                        value.isBoolean() ? value.booleanValue() : value.textValue());
            }
            case "i" -> new Op.Insert(path, integer(a, 2), string(a, 3));
            case "d" -> new Op.Remove(path);
            case "m" -> new Op.Move(path, integer(a, 2), integer(a, 3));
            case "h" -> new Op.ReplaceChildren(path, string(a, 2));
            default -> new Op.Replace(path, string(a, 2));
        };
    }

    private static ArrayNode path(ArrayNode op, List<Integer> path) {
        ArrayNode array = op.addArray();
        path.forEach(array::add);
        return op;
    }

    private static List<Integer> path(JsonNode json) {
        if (!json.isArray()) {
            throw new IllegalArgumentException("a path is an array");
        }
        List<Integer> path = new ArrayList<>(json.size());
        for (JsonNode index : json) {
            if (!index.isInt()) {
                throw new IllegalArgumentException("a path holds integers");
            }
            path.add(index.intValue());
        }
        return path;
    }

    private static String string(JsonNode a, int i) {
        if (!a.get(i).isTextual()) {
            throw new IllegalArgumentException("element " + i + " is not a string");
        }
        return a.get(i).textValue();
    }

    private static int integer(JsonNode a, int i) {
        if (!a.get(i).isInt()) {
            throw new IllegalArgumentException("element " + i + " is not an integer");
        }
        return a.get(i).intValue();
    }
}
