package ${package};

import io.liveview.core.LiveViewServer;

/**
 * Starts the app: a counter at {@code /counter} and a todo list at {@code /todo}.
 *
 * <p>{@code PORT} sets the port (default 8080). {@code LIVEVIEW_SECRET} is the key that signs pages
 * and sessions: set it in production, the same on every node, or each start makes up a new one and
 * open pages reload once after a restart.
 */
public final class App {

    private App() {
    }

    /**
     * Declares the app's routes and layout on a server builder. Tests call it too, with port 0.
     *
     * @param builder a fresh {@code LiveViewServer.builder()}
     * @return the same builder
     */
    public static LiveViewServer.Builder routes(LiveViewServer.Builder builder) {
        TodoStore todos = new TodoStore(); // one list for everyone, kept in memory until the app stops
        return builder
                .get("/", (request, response) -> response.redirect("/counter"))
                .live("/counter", CounterLive::new)
                .live("/todo", () -> new TodoLive(todos))
                .layout("layout") // templates/layout.html wraps every page
                .title("${artifactId}"); // the page title of views that set none
    }

    /**
     * Runs the app until the process is stopped.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // Undertow logs through jboss-logging, which would otherwise pick java.util.logging over SLF4J.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        String port = System.getenv().getOrDefault("PORT", "8080");
        LiveViewServer server = routes(LiveViewServer.builder()).port(Integer.parseInt(port.strip())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop)); // ends views cleanly on Ctrl-C
        System.out.println("Running: http://localhost:" + server.port() + "/counter and /todo");
    }
}
