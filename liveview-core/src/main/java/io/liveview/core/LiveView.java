package io.liveview.core;

/**
 * A live view: a page region rendered on the server from a Thymeleaf template and kept live over
 * the page's WebSocket.
 *
 * <p>The lifecycle is the API. {@link #mount} runs twice per page visit: once for the first HTTP
 * render ({@link Socket#connected()} is {@code false}: keep it cheap) and once when the browser's
 * socket joins ({@code connected()} is {@code true}). After that the view lives in its own process:
 * {@link #handleEvent} and {@link #handleInfo} run one at a time, never concurrently, so a view
 * needs no locks. Whenever a callback assigns something, the template is rendered again and only
 * the difference reaches the browser.
 *
 * <p>The template is {@code templates/<name>.html} on the classpath, where the name is
 * {@link #template()}: by default the class name without a {@code Live} suffix, in kebab case
 * ({@code CounterLive} renders {@code templates/counter.html}). The socket's assigns are the
 * template's variables.
 */
public interface LiveView {

    /**
     * Sets the view's initial assigns.
     *
     * @param params  the page URL's query parameters
     * @param session the browser session the page was rendered for
     * @param socket  the view's assigns and powers
     * @throws Exception any failure: the page answers 500 (first render) or the join is refused
     */
    void mount(Params params, Session session, Socket socket) throws Exception;

    /**
     * Handles an event sent by the page ({@code lv-click}, {@code lv-submit}, {@code lv-change}).
     * Throw {@link UnknownEventException} for an event this view does not handle: the page gets an
     * error reply naming it and the view keeps working.
     *
     * @param event   the event name from the template attribute
     * @param payload the event's values ({@code lv-value-*} attributes or form fields)
     * @param socket  the view's assigns and powers
     * @throws Exception any other failure ends this view's process; the page mounts it afresh
     */
    default void handleEvent(String event, Payload payload, Socket socket) throws Exception {
        throw new UnknownEventException(event);
    }

    /**
     * Handles a message sent to this view's process with {@link Socket#send(Object)}.
     *
     * @param message the message
     * @param socket  the view's assigns and powers
     * @throws Exception any failure ends this view's process; the page mounts it afresh
     */
    default void handleInfo(Object message, Socket socket) throws Exception {
    }

    /**
     * Names the template this view renders, relative to {@code templates/} and without
     * {@code .html}.
     *
     * @return the template name
     */
    default String template() {
        return Templates.defaultName(getClass());
    }
}
