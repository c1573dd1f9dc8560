package io.liveview.core;

import java.util.Objects;

/**
 * A typed name for a template variable, so view code reads and updates assigns without casts:
 *
 * <pre>{@code
 * static final Assign<Integer> COUNT = Assign.of("count");
 *
 * socket.assign(COUNT, 0);
 * socket.update(COUNT, n -> n + 1);
 * int count = socket.get(COUNT);
 * }</pre>
 *
 * @param name the variable's name in the template ({@code ${count}})
 * @param <T>  the type of its value
 */
public record Assign<T>(String name) {

    /** @param name the variable's name in the template */
    public Assign {
        Objects.requireNonNull(name, "name");
    }

    /**
     * @param name the variable's name in the template
     * @param <T>  the type of its value, taken from where the result is kept
     * @return the typed name
     */
    public static <T> Assign<T> of(String name) {
        return new Assign<>(name);
    }
}
