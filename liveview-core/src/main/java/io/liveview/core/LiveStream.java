package io.liveview.core;

import java.util.Objects;
import java.util.function.Function;

/**
 * A stream: a list the page shows and the view does not keep. Items go to the page with
 * {@link Socket#stream}, {@link Socket#streamInsert} and {@link Socket#streamDelete}; each render
 * sends only what changed since the last one and then forgets the items, so a view's memory stays
 * the same whether its stream shows ten items or a hundred thousand. Declare one per list, as a
 * constant, with the DOM id each item gets:
 *
 * <pre>{@code
 * static final LiveStream<Entry> ENTRIES = LiveStream.of("entries", entry -> "entry-" + entry.id());
 * }</pre>
 *
 * The template marks the container with the stream and renders its items with their ids:
 *
 * <pre>{@code
 * <ul id="entries" lv:stream="${entries}">
 *   <li th:each="e : ${entries}" th:id="${e.id}" th:text="${e.item.text}">...</li>
 * </ul>
 * }</pre>
 *
 * @param <T> the items' type
 */
public final class LiveStream<T> {

    /**
     * An item as the template sees it while rendering.
     *
     * @param id   its DOM id, for {@code th:id}
     * @param item the item
     * @param <T>  the item's type
     */
    public record Item<T>(String id, T item) {
    }

    private final String name;
    private final Function<? super T, String> domId;

    private LiveStream(String name, Function<? super T, String> domId) {
        this.name = name;
        this.domId = domId;
    }

    /**
     * @param name  the template variable that holds the stream's items for a render
     * @param domId the DOM id of an item's element: unique on the page, stable for the item (an
     *              item streamed again with the same id replaces its element)
     * @param <T>   the items' type
     * @return the stream
     */
    public static <T> LiveStream<T> of(String name, Function<? super T, String> domId) {
        return new LiveStream<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(domId, "domId"));
    }

    /** @return the template variable's name */
    public String name() {
        return name;
    }

    /** The DOM id of an item, checked: the client finds items by it. */
    String domId(T item) {
        String id = domId.apply(Objects.requireNonNull(item, "item"));
        if (id == null || id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("stream " + name + ": a DOM id is not empty and has no spaces: '" + id + "'");
        }
        return id;
    }
}
