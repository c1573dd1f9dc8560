package io.liveview.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The values that came with an event: the {@code lv-value-*} attributes of a clicked element, or
 * the fields of a submitted or changed form. Every value is a string, as the browser sent it.
 */
public final class Payload {

    private final String type;
    private final JsonNode values;
    private final String target;

    Payload(String type, JsonNode values, String target) {
        this.type = type;
        this.values = values == null || !values.isObject() ? JsonNodeFactory.instance.objectNode() : values;
        this.target = target;
    }

    /**
     * @return what the user did: {@code click}, {@code submit} or {@code change}
     */
    public String type() {
        return type;
    }

    /**
     * @return for a {@code change} event, the name of the form field that changed
     */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /**
     * @param name a value or form field name
     * @return its value (the first, if the form sent several)
     */
    public Optional<String> get(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isArray()) {
            return node.isEmpty() ? Optional.empty() : Optional.of(node.get(0).asText());
        }
        return Optional.of(node.asText());
    }

    /**
     * @param name a value or form field name
     * @return its value
     * @throws BadPayloadException if it is absent
     */
    public String require(String name) {
        return ClientValues.require(get(name), "event value", name, BadPayloadException::new);
    }

    /**
     * @param name a value or form field name
     * @return its value as an int
     * @throws BadPayloadException if it is absent or not an integer
     */
    public int getInt(String name) {
        return integer(name, Integer::parseInt);
    }

    /**
     * @param name a value or form field name
     * @return its value as a long
     * @throws BadPayloadException if it is absent or not an integer
     */
    public long getLong(String name) {
        return integer(name, Long::parseLong);
    }

    private <T> T integer(String name, Function<String, T> parse) {
        return ClientValues.integer(require(name), "event value", name, parse, BadPayloadException::new);
    }

    /**
     * @param name a form field name that may repeat (checkbox groups, multi-selects)
     * @return all its values, in form order
     */
    public List<String> getAll(String name) {
        JsonNode node = values.get(name);
        List<String> all = new ArrayList<>();
        if (node == null || node.isNull()) {
            return all;
        }
        if (node.isArray()) {
            node.forEach(item -> all.add(item.asText()));
        } else {
            all.add(node.asText());
        }
        return all;
    }

    @Override
    public String toString() {
        return type + " " + values;
    }
}
