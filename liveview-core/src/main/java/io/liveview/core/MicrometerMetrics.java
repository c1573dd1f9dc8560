package io.liveview.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * {@link Metrics} as Micrometer meters: the one class that names Micrometer types, created only
 * for a server given a registry. Every meter is registered up front (the timers once per route),
 * so a measurement is a map lookup at most and never registers anything; the gauges are read
 * from the server when the registry is scraped, so they cost the serving path nothing.
 */
final class MicrometerMetrics implements Metrics {

    private static final String ROUTE = "route";

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Counter framesIn;
    private final Counter framesOut;
    private final Counter bytesOut;

    MicrometerMetrics(MeterRegistry registry, Iterable<String> routePaths, LiveViewServer server) {
        this.registry = registry;
        routePaths.forEach(path -> routes.put(path, new RouteTimers(path)));
        framesIn = keep(Counter.builder("liveview.frames.in").description("frames read from clients").register(registry));
        framesOut = keep(Counter.builder("liveview.frames.out").description("frames queued for clients").register(registry));
        bytesOut = keep(Counter.builder("liveview.bytes.out").baseUnit("bytes")
                .description("UTF-8 bytes of the frames queued for clients").register(registry));
        gauge("liveview.sockets", "open sockets", server, LiveViewServer::socketCount);
        gauge("liveview.views.live", "views joined on a socket", server, LiveViewServer::joinedViewCount);
        keep(Gauge.builder("liveview.views.waiting", server, s -> s.lostViews().size()).tag("for", "resume")
                .description("views of lost sockets waiting for their page to rejoin").register(registry));
        keep(Gauge.builder("liveview.views.waiting", server, s -> s.firstRenders().size()).tag("for", "adoption")
                .description("first renders waiting for their page's socket to adopt them").register(registry));
    }

    @Override
    public Route route(String path) {
        // Routes are fixed at start, so this registers nothing unless a caller passes a path of its own.
        return routes.computeIfAbsent(path, RouteTimers::new);
    }

    @Override
    public void frameIn() {
        framesIn.increment();
    }

    @Override
    public void frameOut(int bytes) {
        framesOut.increment();
        bytesOut.increment(bytes);
    }

    @Override
    public void close() {
        synchronized (meters) {
            meters.forEach(registry::remove);
            meters.clear();
        }
    }

    private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        keep(Gauge.builder(name, source, value).description(description).register(registry));
    }

    private <M extends Meter> M keep(M meter) {
        synchronized (meters) {
            meters.add(meter);
        }
        return meter;
    }

    private final class RouteTimers implements Route {
        private final Timer mount;
        private final Timer event;
        private final Timer render;
        private final Timer diff;

        RouteTimers(String path) {
            mount = timer("liveview.mount", "LiveView.mount, on first renders and fresh socket mounts", path);
            event = timer("liveview.event", "LiveView.handleEvent, for events it handled", path);
            render = timer("liveview.render", "template renders", path);
            diff = timer("liveview.diff", "comparisons of a render with the previous one", path);
        }

        private Timer timer(String name, String description, String path) {
            return keep(Timer.builder(name).tag(ROUTE, path).description(description).register(registry));
        }

        @Override
        public long start() {
            return System.nanoTime();
        }

        @Override
        public void mounted(long start) {
            record(mount, start);
        }

        @Override
        public void handled(long start) {
            record(event, start);
        }

        @Override
        public void rendered(long start) {
            record(render, start);
        }

        @Override
        public void diffed(long start) {
            record(diff, start);
        }
    }

    private static void record(Timer timer, long start) {
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
