package io.liveview.core.pubsub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a message into the JSON that crosses nodes, {@code {"node":…,"type":…,"payload":…}}, and
 * back. Only records, enums, strings, booleans and {@code java.lang} numbers pass, in both
 * directions, so text read from Redis can never make this node instantiate an arbitrary class.
 */
final class MessageCodec {

    private static final Map<String, Class<?>> VALUE_TYPES = Stream.of(String.class, Boolean.class,
                    Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class)
            .collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity()));

    // Unknown fields are skipped so a node can read a record that a newer node has grown.
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final String node;
    private final ClassLoader messageTypes;

    /**
     * @param node         this node's id, written into every envelope
     * @param messageTypes resolves the type names of records and enums that arrive
     */
    MessageCodec(String node, ClassLoader messageTypes) {
        this.node = node;
        this.messageTypes = messageTypes;
    }

    /**
     * @throws IllegalArgumentException if the message may not cross nodes or Jackson cannot write it
     */
    String encode(Object message) {
        Class<?> type = crossNodeType(message);
        ObjectNode envelope = json.createObjectNode();
        envelope.put("node", node);
        envelope.put("type", type.getName());
        try {
            envelope.set("payload", json.valueToTree(message));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot write a " + type.getName() + " as JSON to send it to other nodes", e);
        }
        return envelope.toString();
    }

    /**
     * @return the message, or empty if this node sent it (it was delivered here when it was sent)
     * @throws IllegalArgumentException if the text is not an envelope or names a type that may not
     *                                  cross nodes or that this node does not know
     */
    Optional<Object> decode(String text) {
        JsonNode envelope;
        try {
            envelope = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (node.equals(envelope.path("node").asText())) {
            return Optional.empty();
        }
        Class<?> type = knownType(envelope.path("type").asText());
        JsonNode payload = envelope.path("payload");
        if (payload.isMissingNode() || payload.isNull()) {
            throw new IllegalArgumentException("no payload");
        }
        try {
            return Optional.of(json.treeToValue(payload, type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload is no " + type.getName(), e);
        }
    }

    private static Class<?> crossNodeType(Object message) {
        // A constant with a body is an instance of an anonymous subclass: name the enum itself.
        if (message instanceof Enum<?> constant) {
            return constant.getDeclaringClass();
        }
        Class<?> type = message.getClass();
        if (type.isRecord() || VALUE_TYPES.containsValue(type)) {
            return type;
        }
        throw new IllegalArgumentException("a " + type.getName() + " cannot be sent to other nodes: send a record,"
                + " an enum, a String, a Boolean or a java.lang number (see docs/pubsub.md)");
    }

    private Class<?> knownType(String name) {
        Class<?> valueType = VALUE_TYPES.get(name);
        if (valueType != null) {
            return valueType;
        }
        Class<?> type;
        try {
            // Not initialized: a refused class must not get to run its static initializer.
            type = Class.forName(name, false, messageTypes);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("unknown type " + name, e);
        }
        if (!type.isRecord() && !type.isEnum()) {
            throw new IllegalArgumentException("type " + name + " may not cross nodes");
        }
        return type;
    }
}
