package io.liveview.core;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jol.info.GraphLayout;

/**
 * The heap views cost while they wait (docs/processes.md): a first render waiting for its socket to
 * adopt it (mount once), and a view whose socket was lost waiting for the page to rejoin (resume),
 * next to the same views connected and idle. A real server on a free port, real HTTP requests and
 * WebSockets from this JVM; each figure is the heap after GC, less the heap before the views
 * existed, divided by their number, less what this class itself keeps about them. A walk of the
 * waiting rooms (JOL sizes, stopping at the server) gives the objects behind each figure.
 */
final class BenchWaiting {

    /** Views joined on one socket: the per-socket objects are shared by this many views. */
    private static final int VIEWS_PER_SOCKET = 100;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern ROOT = Pattern.compile("id=\"(lv-[^\"]+)\" data-lv-root data-lv-token=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"lv-csrf\" content=\"([^\"]+)\"");

    /** What a page's socket needs to join its view; this class's own bookkeeping, subtracted. */
    private record Page(String viewId, String token, String csrf, String cookie) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String route;
    private final int count;
    private LiveViewServer server;

    private BenchWaiting(String route, int count) {
        this.route = route;
        this.count = count;
    }

    /** Prints one table row per page. */
    static void run(int counters, int tables) throws Exception {
        System.out.println("\n| page | N | first render waiting (heap / N) | idle connected (heap / N) "
            + "| waiting to resume (heap / N) | walk: first render / lost view (JOL) |");
        System.out.println("|---|---|---|---|---|---|");
        new BenchWaiting("/counter", counters).measure(BenchCounterLive::new);
        new BenchWaiting("/table", tables).measure(BenchTableLive::new);
        long rows = GraphLayout.parseInstance(BenchPages.rows()).totalSize();
        System.out.printf("%nthe table page's 1,000 rows (its assigns, in every figure of the table): %,d bytes%n%n", rows);
    }

    private void measure(Supplier<? extends LiveView> factory) throws Exception {
        // Long windows so that none expires while N pages are fetched on a busy machine: the bytes
        // a waiting view holds do not depend on how long it may wait.
        server = LiveViewServer.builder()
            .live(route, factory)
            .secret("bench-waiting-secret")
            .port(0)
            .mountOnce(Duration.ofMinutes(10))
            .resumeGrace(Duration.ofMinutes(10))
            .maxWaitingViews(Math.max(count, 10_000))
            .maxViewsPerSocket(VIEWS_PER_SOCKET)
            .start();
        try {
            // Warm up: load every class and cache of the path once, then empty the rooms.
            List<WebSocket> warm = join(fetch(Math.min(count, 2 * VIEWS_PER_SOCKET)));
            drop(warm);
            awaitLost(warm.size() > 0 ? Math.min(count, 2 * VIEWS_PER_SOCKET) : 0);
            server.lostViews().drain().forEach(p -> p.close(TerminateReason.SHUTDOWN).join());
            server.firstRenders().drain();
            long base = heapAfterGc();

            List<Page> pages = fetch(count);
            check(server.firstRenders().size() == count, "first renders waiting: " + server.firstRenders().size());
            long pagesBytes = GraphLayout.parseInstance(pages).totalSize();
            long firstRender = (heapAfterGc() - base - pagesBytes) / count;
            long firstWalk = exclusive(server.firstRenders()) / count;

            List<WebSocket> sockets = join(pages);
            check(server.firstRenders().size() == 0, "first renders left: " + server.firstRenders().size());
            long connected = (heapAfterGc() - base - pagesBytes) / count;

            drop(sockets);
            sockets = null;
            pages = null;
            awaitLost(count);
            long lost = (heapAfterGc() - base) / count;
            long lostWalk = exclusive(server.lostViews()) / count;
            System.out.printf("| %s | %,d | %,d B | %,d B | %,d B | %,d B / %,d B |%n", route, count,
                firstRender, connected, lost, firstWalk, lostWalk);
        } finally {
            server.stop();
        }
    }

    /** GETs the page {@code n} times, a browser session for each {@link #VIEWS_PER_SOCKET} pages. */
    private List<Page> fetch(int n) throws Exception {
        List<Page> pages = new ArrayList<>(n);
        String cookie = null;
        for (int i = 0; i < n; i++) {
            if (i % VIEWS_PER_SOCKET == 0) {
                cookie = null;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + route));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            check(response.statusCode() == 200, "GET " + route + ": " + response.statusCode());
            if (cookie == null) {
                String set = response.headers().firstValue("Set-Cookie").orElseThrow();
                cookie = set.substring(0, set.indexOf(';'));
            }
            Matcher root = ROOT.matcher(response.body());
            Matcher csrf = CSRF.matcher(response.body());
            check(root.find() && csrf.find(), "no live root in the page");
            pages.add(new Page(root.group(1), root.group(2), csrf.group(1), cookie));
        }
        return pages;
    }

    /** Joins the pages' views, {@link #VIEWS_PER_SOCKET} to a socket, and waits for every reply. */
    private List<WebSocket> join(List<Page> pages) throws Exception {
        List<WebSocket> sockets = new ArrayList<>();
        for (int from = 0; from < pages.size(); from += VIEWS_PER_SOCKET) {
            List<Page> group = pages.subList(from, Math.min(pages.size(), from + VIEWS_PER_SOCKET));
            Replies replies = new Replies();
            WebSocket socket = http.newWebSocketBuilder()
                .header("Origin", "http://localhost:" + server.port())
                .header("Cookie", group.getFirst().cookie())
                .buildAsync(URI.create("ws://localhost:" + server.port() + LiveViewServer.SOCKET_PATH), replies)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            int ref = 0;
            for (Page page : group) {
                String payload = TestClient.JSON.createObjectNode().put("token", page.token()).put("csrf", page.csrf())
                    .put("url", "http://localhost" + route).put("pristine", true).toString();
                socket.sendText("[\"" + ++ref + "\",\"" + page.viewId() + "\",\"join\"," + payload + "]", true).join();
            }
            check(replies.ok.tryAcquire(group.size(), WAIT.toSeconds(), TimeUnit.SECONDS), "joins unanswered");
            check(replies.failed == 0, replies.failed + " joins refused, e.g. " + replies.lastFailure);
            sockets.add(socket);
        }
        check(server.processCount() == pages.size(), "processes: " + server.processCount());
        return sockets;
    }

    private static void drop(List<WebSocket> sockets) {
        sockets.forEach(WebSocket::abort);
    }

    private void awaitLost(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.lostViews().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        check(server.lostViews().size() == n, "lost views: " + server.lostViews().size() + " of " + n);
    }

    /** The waiting room and all its guests reach, less what all views share. */
    private long exclusive(Object room) {
        Map<Class<?>, long[]> histogram = new HashMap<>();
        long total = Bench.exclusiveSize(histogram, room, server, server.scheduler());
        if (Boolean.getBoolean("bench.histogram")) {
            System.out.printf("%nobjects per view reached from %s's %s, by bytes:%n", route,
                room == server.firstRenders() ? "first renders" : "lost views");
            histogram.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(12)
                .forEach(e -> System.out.printf("  %8.2f x %6.0f B  %s%n", (double) e.getValue()[0] / count,
                    (double) e.getValue()[1] / count, e.getKey().getName()));
        }
        return total;
    }

    /** Heap in use after full collections, the lowest of three. */
    private static long heapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** Counts join replies; keeps nothing of them. */
    private static final class Replies implements WebSocket.Listener {
        private final Semaphore ok = new Semaphore(0);
        private final StringBuilder partial = new StringBuilder();
        private volatile int failed;
        private volatile String lastFailure;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                // An ok reply has no status; an error reply says "status":"error". Pushes have no ref.
                if (frame.contains("\"reply\"") && !frame.contains("\"status\":\"error\"")) {
                    ok.release();
                } else if (!frame.startsWith("[null")) {
                    failed++;
                    lastFailure = frame.length() > 300 ? frame.substring(0, 300) : frame;
                    ok.release();
                }
                partial.trimToSize();
            }
            socket.request(1);
            return null;
        }
    }
}
