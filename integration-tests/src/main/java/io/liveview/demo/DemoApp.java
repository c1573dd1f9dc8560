package io.liveview.demo;

import io.liveview.core.LiveViewServer;
import io.liveview.core.pubsub.RedisPubSub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo: an index, a counter, a sign-in page and each signed-in user's todo list, a clock and a
 * chat room, a search as you type, a feed streamed a hundred entries at a time, a dialog run by JS
 * commands, a sparkline drawn by a hook, a 1,000-row table, and {@code GET /health} for load
 * balancers. {@code PORT} overrides the port (default 8080); {@code REDIS_URL} (e.g. {@code redis://127.0.0.1:6379}) carries the chat across
 * nodes through Redis; {@code LIVEVIEW_DEV=1} (set by {@code .ci/demo}) turns dev mode on, with the
 * templates read from the demo's sources.
 */
public final class DemoApp {

    /** The demo's template sources as seen from the project root, where {@code .ci/demo} runs it. */
    private static final Path SOURCE_TEMPLATES = Path.of("integration-tests", "src", "main", "resources", "templates");

    private DemoApp() {
    }

    /**
     * Starts the demo with the given port and the {@code LIVEVIEW_SECRET} key (or a random one).
     *
     * @param port the TCP port, 0 for any free one
     * @return the running server
     */
    public static LiveViewServer start(int port) {
        LiveViewServer.Builder builder = configure(LiveViewServer.builder()).port(port);
        // Only read in dev mode. From integration-tests/ itself, the default folder is the same one.
        if (Files.isDirectory(SOURCE_TEMPLATES)) {
            builder.devTemplates(SOURCE_TEMPLATES);
        }
        String redis = System.getenv("REDIS_URL");
        if (redis != null && !redis.isBlank()) {
            builder.pubSub(RedisPubSub.connect(redis.strip()));
        }
        return builder.start();
    }

    /**
     * Adds the demo's routes and layout to a builder, so tests can add settings of their own.
     *
     * @param builder a fresh builder
     * @return the same builder
     */
    public static LiveViewServer.Builder configure(LiveViewServer.Builder builder) {
        return configure(builder, new TodoStore());
    }

    /**
     * Adds the demo's routes and layout to a builder, with the todo lists kept in the given store:
     * tests hand in a fresh one, or a mock.
     *
     * @param builder a fresh builder
     * @param todos   where the todo pages keep every user's list
     * @return the same builder
     */
    public static LiveViewServer.Builder configure(LiveViewServer.Builder builder, TodoStore todos) {
        return builder
                .live("/", IndexLive::new)
                .live("/counter", CounterLive::new)
                .live("/login", LoginLive::new)
                .post("/login", SignIn::signIn)
                .post("/logout", SignIn::signOut)
                .group(SignIn.REQUIRE_USER, signedIn -> signedIn
                        .live("/todo", () -> new TodoLive(todos))
                        .live("/todo/{id}", () -> new TodoItemLive(todos)))
                .live("/search", SearchLive::new)
                .live("/clock", ClockLive::new)
                .live("/chat", ChatLive::new)
                .live("/feed", FeedLive::new)
                .live("/dialog", DialogLive::new)
                .live("/sparkline", SparklineLive::new)
                .live("/table", TableLive::new)
                .live("/table/plain", TablePlainLive::new)
                .live("/table/stream", TableStreamLive::new)
                .get("/health", (request, response) -> response.json(Map.of("status", "up")))
                .layout("layout")
                .title("LiveView demo");
    }

    /**
     * Runs the demo until the process ends.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // Undertow logs through jboss-logging, which would otherwise pick java.util.logging over SLF4J.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        String port = System.getenv("PORT");
        LiveViewServer server = start(port == null || port.isBlank() ? 8080 : Integer.parseInt(port.strip()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("Demo running: http://localhost:" + server.port() + "/ (counter, todo after signing in with any name, search, clock, chat, dialog, sparkline, table)");
    }
}
