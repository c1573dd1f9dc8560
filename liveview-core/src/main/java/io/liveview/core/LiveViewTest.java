package io.liveview.core;

import java.util.Map;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Tests views in-process, without a port or a browser: the application's own routes, hooks,
 * templates and layout, real view processes and real diffs, over an in-memory socket.
 *
 * <pre>{@code
 * static LiveViewTest app = LiveViewTest.of(MyApp.configure(LiveViewServer.builder()));
 *
 * @Test
 * void plusCounts() {
 *     TestPage page = app.live("/counter");
 *     page.click("button.inc").click("button.inc");
 *     assertEquals("Count: 2", page.text("h1"));
 * }
 *
 * @AfterAll
 * static void stop() {
 *     app.close();
 * }
 * }</pre>
 *
 * <p>{@link #live} renders a page as a GET would (the route's hooks, the view's mount and render,
 * the layout) and joins its view as the page's script would; the {@link TestPage} it returns is
 * driven and read from then on. One instance serves any number of pages and tests; build one per
 * test class and {@link #close()} it after. Failures are {@link AssertionError}s, so any test
 * framework reports them; this class needs none.
 */
public final class LiveViewTest implements AutoCloseable {

    private final LiveViewServer server;

    private LiveViewTest(LiveViewServer server) {
        this.server = server;
    }

    /**
     * Builds the application's server without a listener.
     *
     * @param builder the application's configured builder, as production gets it
     * @return a harness for that server's live routes
     */
    public static LiveViewTest of(LiveViewServer.Builder builder) {
        return new LiveViewTest(builder.build());
    }

    /**
     * A browser session, as an endpoint would have written it (e.g. after signing in). Pages opened
     * with the same session are tabs of one browser.
     *
     * @param data the session's data, e.g. {@code Map.of("user", "ada")}
     * @return a session with a new random id and that data
     */
    public static Session session(Map<String, String> data) {
        return new Session(Tokens.randomId(), data);
    }

    /**
     * Opens a live page in a new, empty session.
     *
     * @see #live(String, Session)
     */
    public TestPage live(String path) {
        return live(path, session(Map.of()));
    }

    /**
     * Opens a live page: the first render (route group hooks, mount, render, layout) and the join of
     * its view, which adopts the first render's instance as a browser's would.
     *
     * @param path    the path and query, e.g. {@code /todo/3} or {@code /search?q=milk}
     * @param session the browser session the page is opened in
     * @return the page, joined
     * @throws Redirected     if a mount hook or the view's mount sends the visitor elsewhere
     * @throws ViewError      if the join is refused or the connected mount fails
     * @throws AssertionError if no live route matches the path, a path parameter does not fit
     *                        (404), or the first render fails
     */
    public TestPage live(String path, Session session) {
        return live(path, session, Map.of());
    }

    /** Opens a live page whose first render shows the given flash, as one reached by a redirect does. */
    TestPage live(String path, Session session, Map<String, String> flash) {
        Objects.requireNonNull(session, "session");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with '/': " + path);
        }
        int q = path.indexOf('?');
        String route = q < 0 ? path : path.substring(0, q);
        LiveViewServer.RouteMatch match = server.match(route);
        if (match == null) {
            throw new AssertionError("GET " + path + ": no live route matches the path");
        }
        LiveViewServer.FirstPage first;
        try {
            first = server.firstPage(match, route, q < 0 ? null : path.substring(q + 1), "", session,
                    "lv-" + Tokens.randomId(), flash, true);
        } catch (BadParamException e) {
            throw new AssertionError("GET " + path + ": not found (404): " + e.getMessage(), e);
        } catch (Exception e) {
            throw new AssertionError("GET " + path + ": the first render failed (500): " + e, e);
        }
        if (first.halted() && first.redirect() != null) {
            throw new Redirected(path, first.redirect());
        }
        if (first.halted()) {
            throw new AssertionError("GET " + path + ": forbidden (403): a mount hook halted without a redirect");
        }
        Document document = Jsoup.parse(first.html());
        Element root = document.selectFirst("div[data-lv-root]");
        Element csrf = document.selectFirst("meta[name=lv-csrf]");
        if (root == null || csrf == null) {
            throw new AssertionError("GET " + path + ": the page has no " + (root == null ? "live root" : "lv-csrf meta")
                    + ", so its script could not join it; does the layout put ${lvHead} in its head and ${lvRoot} in its body, with th:utext?");
        }
        root.remove(); // the view's own tree, as the script sees its root
        TestPage page = new TestPage(this, server, session, path, root, csrf.attr("content"));
        page.join();
        return page;
    }

    /**
     * @return the server under test, e.g. to {@linkplain LiveViewServer#pubSub() broadcast} on a
     *     topic as other code of the application would
     */
    public LiveViewServer server() {
        return server;
    }

    /** Ends every view of every page and stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    /**
     * The visitor was sent elsewhere when a page was opened: a route group's hook or the view's mount
     * called {@link Socket#redirect}.
     */
    public static final class Redirected extends AssertionError {

        private final String to;

        Redirected(String path, String to) {
            super("GET " + path + ": redirected to " + to);
            this.to = to;
        }

        /**
         * @return where the visitor was sent, e.g. {@code /login?next=/todo}
         */
        public String to() {
            return to;
        }
    }

    /**
     * The view refused an action or failed: an error reply of the protocol, such as
     * {@code unknown_event}, {@code bad_payload}, {@code handler_crashed} or {@code mount_failed}.
     * A test that expects one catches it (e.g. with {@code assertThrows}) and goes on: after a crash,
     * the page has rejoined its view, mounted afresh, as the browser does.
     */
    public static final class ViewError extends AssertionError {

        private final String reason;

        ViewError(String reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        /**
         * @return the protocol's error code (docs/protocol.md), e.g. {@code unknown_event}
         */
        public String reason() {
            return reason;
        }
    }
}
