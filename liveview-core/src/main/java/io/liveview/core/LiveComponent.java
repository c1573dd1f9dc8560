package io.liveview.core;

import java.util.Map;

/**
 * A stateful part of a view's page, with its own assigns and template, which renders and is
 * diffed alone: when one row of a thousand changes, only that row's template runs.
 *
 * <p>A view's template places a component on the element that stands for it:
 * <pre>{@code <tr th:each="row : ${rows}" lv:component="Row" lv:id="${row.id}" lv:row="${row}"></tr>}</pre>
 * {@code lv:component} names the class: a class nested in the view (or in a class around it),
 * a class of the view's package ({@code Row}, {@code Table.Row}), or a fully qualified name; it
 * needs a constructor without parameters. In a component's template, names are looked up from
 * the component's class first. {@code lv:id}
 * is the component's id, unique among the view's components of that class; every other
 * {@code lv:name} is an assign passed to it. The component's template renders exactly one element
 * of the placeholder's tag; it sees its assigns and {@code myself}, which
 * {@code lv:target="${myself}"} uses to send an element's events to the component instead of the
 * view.
 *
 * <p>Lifecycle, all on the view's process, one callback at a time: {@link #mount} once, when the
 * view first places the component; {@link #update} then, and again whenever the view passes
 * values that differ ({@code equals}) from those it passed last, or another part of the view
 * calls {@link Socket#sendUpdate}; {@link #handleEvent} for its events. The component renders
 * after a callback that assigned something, and is dropped when the view's render no longer
 * places it. A failure in any callback ends the view's process, as the view's own would.
 */
public interface LiveComponent {

    /**
     * Sets the component's initial assigns, once, before its first {@link #update}.
     *
     * @param socket the component's assigns and powers
     * @throws Exception any failure ends the view's process
     */
    default void mount(ComponentSocket socket) throws Exception {
    }

    /**
     * Takes the values the view passed (the placeholder's {@code lv:name} attributes, {@code id}
     * included) or a {@link Socket#sendUpdate}'s. By default, each becomes an assign.
     *
     * @param assigns the values, by name
     * @param socket  the component's assigns and powers
     * @throws Exception any failure ends the view's process
     */
    default void update(Map<String, Object> assigns, ComponentSocket socket) throws Exception {
        assigns.forEach(socket::assign);
    }

    /**
     * Handles an event from an element whose {@code lv-target} is this component. Throw
     * {@link UnknownEventException} for an event it does not handle: the page gets an error reply.
     *
     * @param event   the event name
     * @param payload the event's values
     * @param socket  the component's assigns and powers
     * @throws Exception any other failure ends the view's process
     */
    default void handleEvent(String event, Payload payload, ComponentSocket socket) throws Exception {
        throw new UnknownEventException(event);
    }

    /**
     * Names the template, relative to {@code templates/} and without {@code .html}; a fragment of
     * a template is named {@code "file :: fragment"}.
     *
     * @return the template name
     */
    default String template() {
        return Templates.defaultName(getClass());
    }
}
