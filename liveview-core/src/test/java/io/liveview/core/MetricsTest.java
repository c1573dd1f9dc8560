package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meters a server reports to Micrometer, the MDC of view code, and a server without Micrometer. */
class MetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private LiveViewServer server;

    private int start() {
        server = LiveViewServer.builder()
                .live("/probe", ProbeLive::new)
                .secret("metrics-test-secret")
                .resumeGrace(Duration.ofMillis(500))
                .meterRegistry(registry)
                .port(0)
                .start();
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aPageVisitOverARealSocketMovesEveryMeter() throws Exception {
        int port = start();
        TestClient.LivePage page = TestClient.get(port, "/probe");
        assertEquals(1, timerCount("liveview.mount"), "the first render mounted the view");
        assertEquals(1, timerCount("liveview.render"));
        assertEquals(1, waiting("adoption"), "the first render waits for its socket");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            assertEquals(0, waiting("adoption"), "adopted");
            assertEquals(1, gauge("liveview.views.live"));
            assertEquals(1, gauge("liveview.sockets"));
            for (int i = 0; i < 3; i++) {
                client.event(page.viewId(), "inc");
            }
            assertEquals(1, timerCount("liveview.mount"), "adopting mounts nothing");
            assertEquals(3, timerCount("liveview.event"));
            assertEquals(3, timerCount("liveview.diff"));
            assertEquals(5, timerCount("liveview.render"), "the first render, the join's and one per event");
            assertEquals(4, registry.get("liveview.frames.in").counter().count(), "a join and three events");
            assertTrue(registry.get("liveview.frames.out").counter().count() >= 4, "their replies");
            assertTrue(registry.get("liveview.bytes.out").counter().count() > 100);
        }
        awaitGauge(() -> gauge("liveview.sockets"), 0, "the socket closed");
        assertEquals(0, gauge("liveview.views.live"));
        awaitGauge(() -> waiting("resume"), 1, "the lost socket's view waits to resume");
        awaitGauge(() -> waiting("resume"), 0, "and ends after the grace");
        server.stop();
        server = null;
        assertNull(registry.find("liveview.sockets").gauge(), "a stopped server's meters leave the registry");
    }

    @Test
    void viewCodeRunsWithItsIdAndRouteInTheMdc() throws Exception {
        int port = start();
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            JsonNode reply = client.event(page.viewId(), "mdc");
            assertTrue(reply.get(3).path("patch").toString().contains(page.viewId() + " /probe"), reply.toString());
        }
    }

    @Test
    void withoutARegistryTheServerRunsWithNoMicrometerOnTheClassPath() throws Exception {
        WithoutMicrometer loader = new WithoutMicrometer(getClass().getClassLoader());
        @SuppressWarnings("unchecked")
        Callable<String> app = (Callable<String>) loader.loadClass(NoMicrometerApp.class.getName())
                .getConstructor().newInstance();
        assertEquals("ok", app.call(), "a page visit, a join and an event");
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"));
        assertEquals(List.of("io.micrometer.core.instrument.MeterRegistry"), loader.refused,
                "no LiveView class asked for a Micrometer class");
        assertTrue(loader.defined.contains(Metrics.class.getName()));
        assertTrue(!loader.defined.contains(MicrometerMetrics.class.getName()), "MicrometerMetrics was never loaded");
    }

    private double timerCount(String name) {
        return registry.get(name).tag("route", "/probe").timer().count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double waiting(String kind) {
        Gauge gauge = registry.get("liveview.views.waiting").tag("for", kind).gauge();
        return gauge.value();
    }

    private static void awaitGauge(Supplier<Double> value, double expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (value.get() != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, value.get(), what);
    }

    /**
     * Loads LiveView's classes (main and test) afresh, and refuses every Micrometer class: what an
     * application without Micrometer on its class path sees. Everything else comes from the parent.
     */
    private static final class WithoutMicrometer extends ClassLoader {
        final List<String> refused = new CopyOnWriteArrayList<>();
        final List<String> defined = new CopyOnWriteArrayList<>();

        WithoutMicrometer(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                refused.add(name);
                throw new ClassNotFoundException(name);
            }
            if (!name.startsWith("io.liveview.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : define(name);
            }
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                defined.add(name);
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
