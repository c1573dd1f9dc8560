package io.liveview.core;

/**
 * A live view: a page region rendered on the server from a Thymeleaf template and kept live over
 * the page's WebSocket.
 *
 * <p>The lifecycle is the API. {@link #mount} runs once per page visit, for the first HTTP render
 * ({@link Socket#connected()} is {@code false}); when the browser's socket joins within a few seconds,
 * it adopts that same instance (mount once), and {@link #connected} runs. A join that comes later, or
 * reaches another node, mounts a new instance with {@code connected()} {@code true}, then runs
 * {@code connected} too. After that the view lives in its own process: {@link #handleEvent},
 * {@link #handleInfo} and {@link #handleAsync} run one at a time, never concurrently, so a view
 * needs no locks. Whenever a callback assigns something, the template is rendered again and only
 * the difference reaches the browser. If the socket is lost, the view keeps running for a grace
 * period and a rejoin resumes it with its state.
 *
 * <p>Work that only makes sense live (subscriptions, timers, async loads) goes in {@link #connected},
 * which runs once the socket is there. {@link #handleInfo} receives messages from the view itself,
 * from timers, from topics and from any thread holding its {@link ViewRef}; {@link #handleAsync}
 * the results of {@link Socket#startAsync}. {@link #terminate} runs when the view ends, after which
 * its timers, tasks and subscriptions are gone.
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
     * Reads the page's URL into the view's state. Runs after {@link #mount} (on the first render and
     * on the join), and again each time the URL changes while the view stays: an {@code lv-patch}
     * link, the browser's back and forward buttons, {@link Socket#pushPatch}. Keep what the URL names
     * (a filter, a page, a sort) here, so a reload or a shared link lands on the same state.
     *
     * @param params the URL's path parameters and query
     * @param socket the view's assigns and powers
     * @throws Exception any failure is handled as in the callback that caused it
     */
    default void handleParams(Params params, Socket socket) throws Exception {
    }

    /**
     * Runs once the browser's socket has joined the view, after the connected {@link #mount}: the
     * place to subscribe to topics, start timers and async loads.
     *
     * @param socket the view's assigns and powers
     * @throws Exception any failure is a failed mount: the join is refused and the page retries
     */
    default void connected(Socket socket) throws Exception {
    }

    /**
     * Handles a message: one sent with {@link Socket#send}, {@link ViewRef#send}, a timer's, or one
     * broadcast on a topic the view subscribed to. Messages handled back to back render once.
     *
     * @param message the message
     * @param socket  the view's assigns and powers
     * @throws Exception any failure ends this view's process; the page mounts it afresh
     */
    default void handleInfo(Object message, Socket socket) throws Exception {
    }

    /**
     * Handles the end of a task started with {@link Socket#startAsync}.
     *
     * @param name   the name the task was started with
     * @param result its value or its exception
     * @param socket the view's assigns and powers
     * @throws Exception any failure ends this view's process; the page mounts it afresh
     */
    default void handleAsync(String name, AsyncResult result, Socket socket) throws Exception {
    }

    /**
     * Runs when the view ends, on its own thread like every callback: to release what the view holds
     * outside the framework. Timers, async tasks and subscriptions are cancelled right after.
     * Not called for a view whose mount failed, nor if the JVM dies.
     *
     * @param reason why the view ends
     * @param socket the view's assigns
     * @throws Exception logged; the view ends anyway
     */
    default void terminate(TerminateReason reason, Socket socket) throws Exception {
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
