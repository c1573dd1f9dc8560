package io.liveview.load;

import io.liveview.core.LiveViewServer;
import io.liveview.demo.DemoApp;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The demo as the load generator drives it, run in a child JVM: on 127.0.0.1 only, with limits
 * raised so that the clients, not the limits, set the pace, and {@code GET /_load/stats} telling
 * the clients what the server holds. Reads {@code PORT} and {@code LIVEVIEW_SECRET}; with the
 * system property {@value #WHOLE_RENDERS} {@code true}, it sends every changed render whole
 * ({@link LiveViewServer.Builder#wholeRenders}), the baseline the load compares its diffs with.
 */
public final class LoadServer {

    /** The path of the server's figures. */
    static final String STATS_PATH = "/_load/stats";
    /** The system property that makes the server send whole renders. */
    static final String WHOLE_RENDERS = "liveview.load.wholeRenders";
    /** How long a lost socket's views wait to be resumed; short, so a run can see them go. */
    static final Duration RESUME_GRACE = Duration.ofSeconds(3);

    private LoadServer() {
    }

    /**
     * Starts the server and prints the line {@link io.liveview.it.DemoProcess} waits for.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        boolean wholeRenders = Boolean.getBoolean(WHOLE_RENDERS);
        LiveViewServer server = DemoApp.configure(LiveViewServer.builder())
                .host("127.0.0.1")
                .port(Integer.parseInt(System.getenv("PORT")))
                .secret(System.getenv("LIVEVIEW_SECRET"))
                // A closed loop of one socket sends as fast as the server answers, far past the
                // default 100 frames a second a browser tab is allowed.
                .rateLimit(1_000_000, 1_000_000)
                .maxSockets(20_000)
                .maxWaitingViews(20_000)
                .resumeGrace(RESUME_GRACE)
                .wholeRenders(wholeRenders)
                .meterRegistry(registry)
                .get(STATS_PATH, (request, response) -> response.json(stats(registry, wholeRenders)))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("Demo running: http://localhost:" + server.port() + "/ (load server" + (wholeRenders ? ", whole renders)" : ")"));
    }

    // Gauges as they are now; timers and counters as totals since the start, summed over routes;
    // and how the server sends renders, so that each result says which server it measured.
    private static Map<String, Object> stats(MeterRegistry registry, boolean wholeRenders) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("wholeRenders", wholeRenders);
        stats.put("sockets", gauge(registry, "liveview.sockets", null));
        stats.put("live", gauge(registry, "liveview.views.live", null));
        stats.put("waitingResume", gauge(registry, "liveview.views.waiting", "resume"));
        stats.put("waitingAdoption", gauge(registry, "liveview.views.waiting", "adoption"));
        for (String timer : new String[] {"event", "render", "diff"}) {
            long count = 0;
            double nanos = 0;
            for (Timer t : registry.find("liveview." + timer).timers()) {
                count += t.count();
                nanos += t.totalTime(TimeUnit.NANOSECONDS);
            }
            stats.put(timer + "Count", count);
            stats.put(timer + "Nanos", (long) nanos);
        }
        return stats;
    }

    private static long gauge(MeterRegistry registry, String name, String waitingFor) {
        Gauge gauge = waitingFor == null ? registry.find(name).gauge() : registry.find(name).tag("for", waitingFor).gauge();
        if (gauge == null) {
            throw new IllegalStateException("no gauge " + name + (waitingFor == null ? "" : " for " + waitingFor));
        }
        return (long) gauge.value();
    }
}
