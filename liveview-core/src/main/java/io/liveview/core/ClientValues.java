package io.liveview.core;

import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reading of values a client sent (event values, page parameters): a value that is missing or
 * of the wrong form raises the caller's exception, naming the value with its client input shortened.
 */
final class ClientValues {

    private ClientValues() {
    }

    /**
     * @param kind    how the message names such a value, e.g. {@code event value}
     * @param invalid makes the exception for a message
     */
    static String require(Optional<String> value, String kind, String name, Function<String, RuntimeException> invalid) {
        return value.orElseThrow(() -> invalid.apply(kind + " '" + Echo.of(name) + "' is missing"));
    }

    /** Parses an integer, surrounding whitespace allowed. */
    static <T> T integer(String raw, String kind, String name, Function<String, T> parse,
                         Function<String, RuntimeException> invalid) {
        try {
            return parse.apply(raw.strip());
        } catch (NumberFormatException e) {
            throw invalid.apply(kind + " '" + Echo.of(name) + "' is not an integer: " + Echo.of(raw));
        }
    }
}
