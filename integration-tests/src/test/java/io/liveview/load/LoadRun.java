package io.liveview.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveview.it.DemoProcess;
import io.liveview.it.LivePage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The load scenarios against a {@link LoadServer} in a child JVM: clients do what the browser
 * client does (GET the page, read its view token, CSRF token and session cookie, open the socket
 * with the page's origin and cookie, join, click) and every scenario is bounded in count and time.
 * Scenarios 1 to 4 run against a server that sends diffs; scenario 5 ({@link #wholeRenderLoops})
 * repeats the counter and table loops against one that sends every render whole, the Livewire and
 * Turbo Streams way. Each loop is one {@link #closedLoop} over a {@link LoadPage}.
 */
final class LoadRun {

    /**
     * How big a run is.
     *
     * @param serialEvents    clicks of the single counter view
     * @param loopViews       counter views in the closed loop, one socket each
     * @param loopEvents      clicks per counter view
     * @param tableViews      table views in the closed loop, one socket each
     * @param tableEvents     clicks per view of the table as a plain list, which renders all its rows
     * @param rowEvents       clicks per view of the tables that render the bumped row alone:
     *                        components and stream
     * @param wholeCounterEvents clicks per counter view against the server that sends whole renders
     * @param wholeTableEvents clicks per table view (components, plain list) against that server,
     *                        each reply the whole table
     * @param idleViews       idle counter views
     * @param viewsPerSocket  idle views joined on one socket (one session)
     * @param churnCycles     visits of the churn: GET, connect, join, click, leave, close
     * @param churnWorkers    visits under way at once
     * @param limitSeconds    how long a phase of the other scenarios may take before it stops by itself
     * @param churnSeconds    how long the churn may take before it stops by itself
     * @param settleSeconds   how long after the churn the server's heap is measured again: past
     *                        its mount-once window (10 s), what the last visits left in timers is gone
     */
    record Sizes(int serialEvents, int loopViews, int loopEvents, int tableViews, int tableEvents, int rowEvents,
                 int wholeCounterEvents, int wholeTableEvents, int idleViews, int viewsPerSocket, int churnCycles,
                 int churnWorkers, int limitSeconds, int churnSeconds, int settleSeconds) {
    }

    /**
     * The figures of one closed loop; times in milliseconds, server means in microseconds;
     * {@code wholeRenders} when the server sent whole renders instead of diffs.
     */
    record LoopResult(String scenario, String path, boolean wholeRenders, int views, long events, double seconds,
                      double eventsPerSecond, double p50Ms, double p99Ms, double p999Ms, double maxMs, double bytesPerReply,
                      long errors, Map<String, Long> errorKinds, long countMismatches,
                      double serverEventUs, double serverRenderUs, double serverDiffUs) {
    }

    /**
     * The idle views: the server's heap after a full GC and its RSS, before and with the views; after
     * they closed, the views and {@code Connection} objects it still holds, and its heap.
     */
    record IdleResult(int views, int sockets, long heapBaselineKb, long heapKb, double heapPerViewBytes,
                      long rssBaselineKb, long rssKb, double rssPerViewBytes, long retainedAfterClose,
                      long connectionsAfterClose, long heapAfterCloseKb, long errors, Map<String, Long> errorKinds) {
    }

    /**
     * The churn: visits done, views and {@code Connection} objects the server kept after them, its
     * heap before, right after, and once the last visits' windows have passed.
     */
    record ChurnResult(long cycles, double seconds, double cyclesPerSecond, long errors, Map<String, Long> errorKinds,
                       long retained, long connectionsLeft, long heapBeforeKb, long heapAfterKb, long heapSettledKb) {
    }

    /** What the server holds, from {@link LoadServer#STATS_PATH}. */
    record Stats(boolean wholeRenders, long sockets, long live, long waitingResume, long waitingAdoption, long eventCount,
                 long eventNanos, long renderCount, long renderNanos, long diffCount, long diffNanos) {

        long retained() {
            return live + waitingResume + waitingAdoption;
        }

        boolean quiet() {
            return retained() == 0 && sockets == 0;
        }
    }

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    // What the server keeps per open socket; none may outlive its socket.
    private static final String CONNECTION = "io.liveview.core.Connection";

    private final DemoProcess server;
    private final Sizes sizes;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    LoadRun(DemoProcess server, Sizes sizes) {
        this.server = server;
        this.sizes = sizes;
        this.port = server.port();
    }

    /** Scenario 1: one counter view clicked serially (a closed loop of one). */
    LoopResult counterSerial() throws Exception {
        return closedLoop(LoadPage.COUNTER, 1, sizes.serialEvents());
    }

    /** Scenario 1: many counter views, each with one click outstanding. */
    LoopResult counterLoop() throws Exception {
        return closedLoop(LoadPage.COUNTER, sizes.loopViews(), sizes.loopEvents());
    }

    /** Scenario 2: table views as a plain list, each clicking random rows with one click outstanding. */
    LoopResult tableLoop() throws Exception {
        return closedLoop(LoadPage.TABLE, sizes.tableViews(), sizes.tableEvents());
    }

    /** Scenario 2: the same with the table as row components, each click sent to its row's component. */
    LoopResult tableComponentsLoop() throws Exception {
        return closedLoop(LoadPage.TABLE_COMPONENTS, sizes.tableViews(), sizes.rowEvents());
    }

    /** Scenario 2: the same with the table as a stream, which renders and sends the bumped row alone. */
    LoopResult tableStreamLoop() throws Exception {
        return closedLoop(LoadPage.TABLE_STREAM, sizes.tableViews(), sizes.rowEvents());
    }

    /**
     * Scenario 5, against a {@link LoadServer} started with {@value LoadServer#WHOLE_RENDERS}: the
     * counter loop, and the table loops whose views keep their rows (components, plain list), with
     * the same views as the others and fewer clicks; every reply holds the whole render.
     */
    List<LoopResult> wholeRenderLoops() throws Exception {
        return List.of(closedLoop(LoadPage.COUNTER, sizes.loopViews(), sizes.wholeCounterEvents()),
                closedLoop(LoadPage.TABLE_COMPONENTS, sizes.tableViews(), sizes.wholeTableEvents()),
                closedLoop(LoadPage.TABLE, sizes.tableViews(), sizes.wholeTableEvents()));
    }

    /**
     * Views of one page, one socket each, clicking in a closed loop: a warm-up of a fifth of the
     * clicks, then the measured clicks; then each view's counts are read back from the server by
     * dropping its socket and rejoining within the resume grace, which answers with the view's HTML.
     */
    private LoopResult closedLoop(LoadPage page, int views, int events) throws Exception {
        awaitStats(Stats::quiet);
        Errors errors = new Errors();
        List<View> opened = new ArrayList<>();
        for (int i = 0; i < views; i++) {
            opened.add(View.open(http, port, page));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(sizes.limitSeconds());
        await(opened.stream().map(v -> v.loop(Math.max(1, events / 5), deadline, false, errors)).toList());
        Stats before = stats();
        opened.forEach(v -> v.latencies = new long[events]);
        long start = System.nanoTime();
        await(opened.stream().map(v -> v.loop(events, deadline, true, errors)).toList());
        double seconds = (System.nanoTime() - start) / 1e9;
        Stats after = stats();
        opened.forEach(v -> errors.add("push", v.socket.pushes()));

        opened.forEach(v -> v.socket.abort());
        awaitStats(s -> s.live() == 0 && s.waitingResume() == views);
        long mismatches = 0;
        for (View view : opened) {
            mismatches += view.readBack(http, port, errors) ? 0 : 1;
        }
        awaitStats(Stats::quiet);

        long[] all = opened.stream().flatMapToLong(v -> Arrays.stream(v.latencies, 0, v.recorded)).sorted().toArray();
        long bytes = opened.stream().mapToLong(v -> v.replyBytes).sum();
        String scenario = page.label + ", " + (views == 1 ? "1 view serial" : views + " views closed loop")
                + (after.wholeRenders() ? ", whole renders" : "");
        return new LoopResult(scenario, page.path, after.wholeRenders(), views, all.length, seconds, all.length / seconds,
                percentileMs(all, 0.5), percentileMs(all, 0.99), percentileMs(all, 0.999), percentileMs(all, 1.0),
                all.length == 0 ? 0 : (double) bytes / all.length, errors.total(), errors.kinds(), mismatches,
                meanUs(after.eventNanos() - before.eventNanos(), after.eventCount() - before.eventCount()),
                meanUs(after.renderNanos() - before.renderNanos(), after.renderCount() - before.renderCount()),
                meanUs(after.diffNanos() - before.diffNanos(), after.diffCount() - before.diffCount()));
    }

    /**
     * Scenario 3: idle counter views, {@link Sizes#viewsPerSocket()} to a socket as one browser
     * session's tabs would share it; the server's heap after a full GC and RSS with them, less
     * before them; then every socket closed, and what the server still holds once the resume grace
     * has passed.
     */
    IdleResult idle() throws Exception {
        awaitStats(Stats::quiet);
        long heapBefore = server.heapUsedAfterGcKb();
        long rssBefore = server.rssKb();
        Errors errors = new Errors();
        int socketCount = (sizes.idleViews() + sizes.viewsPerSocket() - 1) / sizes.viewsPerSocket();
        List<LiveSocket> sockets = parallel(socketCount, 4, i -> {
            int views = Math.min(sizes.viewsPerSocket(), sizes.idleViews() - i * sizes.viewsPerSocket());
            List<LivePage> pages = new ArrayList<>();
            String cookie = null;
            for (int v = 0; v < views; v++) {
                LivePage page = LivePage.load(port, LoadPage.COUNTER.path, cookie);
                cookie = page.cookie();
                pages.add(page);
            }
            LiveSocket socket = LiveSocket.open(http, port, cookie).get(30, TimeUnit.SECONDS);
            List<CompletableFuture<LiveSocket.Reply>> joins = pages.stream()
                    .map(page -> socket.join(page, url(LoadPage.COUNTER), true)).toList();
            for (CompletableFuture<LiveSocket.Reply> join : joins) {
                errors.add(join);
            }
            return socket;
        });
        awaitStats(s -> s.live() == sizes.idleViews() && s.waitingAdoption() == 0);
        long heap = server.heapUsedAfterGcKb();
        long rss = server.rssKb();
        await(sockets.stream().map(LiveSocket::close).toList());
        sockets.forEach(s -> errors.add("push", s.pushes()));
        Stats after = awaitStats(Stats::quiet);
        long connections = server.instancesAfterGc(CONNECTION);
        long heapAfter = server.heapUsedAfterGcKb();
        return new IdleResult(sizes.idleViews(), socketCount, heapBefore, heap, (heap - heapBefore) * 1024.0 / sizes.idleViews(),
                rssBefore, rss, (rss - rssBefore) * 1024.0 / sizes.idleViews(), after.retained(), connections, heapAfter,
                errors.total(), errors.kinds());
    }

    /** Scenario 4: visits one after another (a few at once): GET, connect, join, click, leave, close. */
    ChurnResult churn() throws Exception {
        awaitStats(Stats::quiet);
        long heapBefore = server.heapUsedAfterGcKb();
        Errors errors = new Errors();
        AtomicInteger started = new AtomicInteger();
        LongAdder done = new LongAdder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(sizes.churnSeconds());
        long start = System.nanoTime();
        parallel(sizes.churnWorkers(), sizes.churnWorkers(), worker -> {
            String cookie = null;
            while (started.getAndIncrement() < sizes.churnCycles() && System.nanoTime() - deadline < 0) {
                LivePage page = LivePage.load(port, LoadPage.COUNTER.path, cookie);
                cookie = page.cookie();
                LiveSocket socket = LiveSocket.open(http, port, cookie).get(30, TimeUnit.SECONDS);
                boolean ok = errors.add(socket.join(page, url(LoadPage.COUNTER), true))
                        && errors.add(socket.click(page.viewId(), LoadPage.COUNTER.event, Map.of()))
                        && errors.add(socket.leave(page.viewId()));
                socket.close().get(30, TimeUnit.SECONDS);
                errors.add("push", socket.pushes());
                if (ok) {
                    done.increment();
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Stats after = awaitStats(Stats::quiet);
        long connections = server.instancesAfterGc(CONNECTION);
        long heapAfter = server.heapUsedAfterGcKb();
        TimeUnit.SECONDS.sleep(sizes.settleSeconds());
        return new ChurnResult(done.sum(), seconds, done.sum() / seconds, errors.total(), errors.kinds(),
                after.retained(), connections, heapBefore, heapAfter, server.heapUsedAfterGcKb());
    }

    private String url(LoadPage page) {
        return "http://127.0.0.1:" + port + page.path;
    }

    Stats stats() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + LoadServer.STATS_PATH))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(LoadServer.STATS_PATH + " answered " + response.statusCode());
        }
        return LiveSocket.JSON.readValue(response.body(), Stats.class);
    }

    /** Polls the server's figures until they fit; sockets and lost views leave asynchronously. */
    Stats awaitStats(Predicate<Stats> wanted) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        Stats stats = stats();
        while (!wanted.test(stats)) {
            if (System.nanoTime() - deadline > 0) {
                return stats;
            }
            Thread.sleep(50);
            stats = stats();
        }
        return stats;
    }

    private void await(List<CompletableFuture<Void>> loops) throws Exception {
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new))
                .get(sizes.limitSeconds() + 60, TimeUnit.SECONDS);
    }

    private interface Task<T> {
        T run(int index) throws Exception;
    }

    // Runs count tasks on threads of their own, at most threads at once; a task that fails fails the run.
    private static <T> List<T> parallel(int count, int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentileMs(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static double meanUs(long nanos, long count) {
        return count == 0 ? 0 : nanos / 1e3 / count;
    }

    /** One view on a socket of its own, clicking in a closed loop and counting what it clicked. */
    private static final class View {

        private final LoadPage page;
        private final LivePage live;
        private final String url;
        private final int[] expected;
        private final int[] seen; // a stream's counts, as the replies showed them
        private final int[] components; // each key's component, for pages whose clicks go to one
        private LiveSocket socket;
        private long[] latencies = new long[0];
        private int recorded;
        private long replyBytes;

        private View(LoadPage page, LivePage live, String url, LiveSocket socket, int[] components) {
            this.page = page;
            this.live = live;
            this.url = url;
            this.socket = socket;
            this.components = components;
            this.expected = new int[page.keys];
            this.seen = new int[page.keys];
        }

        static View open(HttpClient http, int port, LoadPage page) throws Exception {
            LivePage live = LivePage.load(port, page.path, null);
            String url = "http://127.0.0.1:" + port + page.path;
            LiveSocket socket = LiveSocket.open(http, port, live.cookie()).get(30, TimeUnit.SECONDS);
            // The components' numbers are in the view's HTML, which a pristine join does not send
            // (the page's first render has it); so such a page joins as a client without it.
            LiveSocket.Reply joined = socket.join(live, url, !page.targeted()).get(30, TimeUnit.SECONDS);
            if (!joined.ok()) {
                throw new IllegalStateException("join of " + page.path + " refused: " + joined.payload());
            }
            int[] components = page.targeted() ? page.components(joined.payload().path("html").asText()) : null;
            return new View(page, live, url, socket, components);
        }

        // One click at a time; each reply starts the next. A failed socket ends the loop.
        CompletableFuture<Void> loop(int events, long deadline, boolean record, Errors errors) {
            if (events == 0 || System.nanoTime() - deadline > 0) {
                return CompletableFuture.completedFuture(null);
            }
            int key = page.pick();
            long start = System.nanoTime();
            int cid = components == null ? LiveSocket.NO_COMPONENT : components[key];
            return socket.click(live.viewId(), page.event, page.values(key), cid).handle((reply, failure) -> {
                if (failure != null) {
                    errors.add(failure);
                    return false;
                }
                if (!reply.ok()) {
                    errors.add(reply.outcome(), 1);
                    return true;
                }
                expected[key]++;
                page.seen(reply.payload(), seen);
                if (record) {
                    latencies[recorded++] = reply.arrivedNanos() - start;
                    replyBytes += reply.bytes();
                }
                return true;
            }).thenCompose(more -> more ? loop(events - 1, deadline, record, errors) : CompletableFuture.completedFuture(null));
        }

        // Rejoins the view that waits for its lost socket; its HTML holds the counts. Then leaves.
        boolean readBack(HttpClient http, int port, Errors errors) throws Exception {
            socket = LiveSocket.open(http, port, live.cookie()).get(30, TimeUnit.SECONDS);
            try {
                LiveSocket.Reply joined = socket.join(live, url, false).get(30, TimeUnit.SECONDS);
                JsonNode html = joined.payload().get("html");
                if (!joined.ok() || html == null) {
                    errors.add("read back: " + joined.outcome(), 1);
                    return false;
                }
                errors.add(socket.leave(live.viewId()));
                return Arrays.equals(expected, page.streamed() ? seen : page.counts(html.asText()));
            } finally {
                socket.close().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Failures by kind: an error reply's reason, or the exception's class. */
    static final class Errors {

        private final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();

        void add(String kind, long count) {
            if (count > 0) {
                kinds.computeIfAbsent(kind, k -> new LongAdder()).add(count);
            }
        }

        void add(Throwable failure) {
            Throwable cause = failure;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            add(cause.getClass().getSimpleName(), 1);
        }

        /** Waits for a reply; true if it is {@code ok}, else counted. */
        boolean add(CompletableFuture<LiveSocket.Reply> reply) {
            try {
                LiveSocket.Reply answer = reply.get(60, TimeUnit.SECONDS);
                add(answer.outcome(), answer.ok() ? 0 : 1);
                return answer.ok();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                add(e);
            } catch (Exception e) {
                add(e);
            }
            return false;
        }

        long total() {
            return kinds.values().stream().mapToLong(LongAdder::sum).sum();
        }

        Map<String, Long> kinds() {
            Map<String, Long> sums = new TreeMap<>();
            kinds.forEach((kind, count) -> sums.put(kind, count.sum()));
            return sums;
        }
    }
}
