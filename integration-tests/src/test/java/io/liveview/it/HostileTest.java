package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;

/**
 * The demo under hostile clients: each test is one attack on a demo server in a child JVM with a
 * 256 MB heap, while an honest browser clicks the counter and must see every click counted. After
 * each attack the server must be alive and answering, its heap back near where it started, and its
 * log short. A server that dies is started afresh for the next attack, so each attack reports on
 * its own. The demo's output is in {@code target/hostile-demo-*.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileTest {

    private static final String SECRET = "hostile-test-secret-0123456789abcdef";
    private static final long HEAP_SLACK_KB = 48 * 1024;
    private static final int MAX_LOG_LINES = 60;
    private static final int HONEST_CLICKS = 5;
    // Generous: the attack and Chromium share two cores.
    private static final double CLICK_TIMEOUT_MS = 30_000;
    private static final Duration ATTACK_TIMEOUT = Duration.ofSeconds(90);
    private static final int RATE = 100;
    private static final int BURST = 200;
    private static final long STARTED = System.nanoTime();

    private final ExecutorService attacks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hostile-attack");
        thread.setDaemon(true);
        return thread;
    });
    private DemoProcess demo;
    private int starts;
    private long baselineKb;
    private long linesMark;

    @BeforeEach
    void demoRunning(TestInfo test) throws Exception {
        if (demo == null || !demo.isAlive()) {
            if (demo != null) {
                demo.close();
            }
            demo = DemoProcess.start(SECRET, Path.of("target", "hostile-demo-" + ++starts + ".log"));
            warmUp();
            baselineKb = demo.heapUsedAfterGcKb();
            report("demo started (pid %d, port %d), heap after warm-up and a full GC: %d KB",
                    demo.pid(), demo.port(), baselineKb);
        }
        demo.mark(test.getDisplayName() + " starts");
        linesMark = demo.lineCount();
    }

    // Loads the classes an attack would otherwise load, so the baseline heap compares like with like.
    private void warmUp() throws Exception {
        String signedIn = LivePage.signIn(demo.port(), "warm-up");
        for (int i = 0; i < 10; i++) {
            LivePage.load(demo.port(), "/todo", signedIn);
        }
        LivePage page = LivePage.load(demo.port(), "/counter", null);
        try (RawWebSocket ws = RawWebSocket.open(demo.port(), page.cookie(), 0)) {
            ReplyReader reader = ReplyReader.start(ws, Duration.ofSeconds(10));
            ws.sendText(RawWebSocket.frame("1", page.viewId(), "join", Map.of("token", page.token(),
                    "csrf", page.csrf(), "url", "http://127.0.0.1:" + demo.port() + "/counter", "pristine", true)));
            for (int ref = 2; ref <= 20; ref++) {
                ws.sendText(RawWebSocket.frame(String.valueOf(ref), page.viewId(), "event",
                        Map.of("type", "click", "event", "inc", "value", Map.of())));
            }
            assertTrue(reader.awaitReplies(20, Duration.ofSeconds(30)), "warm-up replies: " + reader.tally());
        }
        honestClicks(() -> null);
    }

    @AfterEach
    void serverRecovered(TestInfo test) throws Exception {
        demo.mark(test.getDisplayName() + " ends");
        boolean alive = demo.isAlive();
        int status = alive ? demo.get("/counter") : -1;
        long heapKb = alive ? settledHeapKb() : -1;
        long lines = demo.lineCount() - linesMark;
        List<String> printed = demo.linesSince(linesMark);
        report("%s: alive %s, GET /counter %d, heap after GC %d KB (baseline %d KB), %d log lines",
                test.getDisplayName(), alive, status, heapKb, baselineKb, lines);
        assertAll("the demo after " + test.getDisplayName(),
                () -> assertTrue(alive, "the demo JVM has exited; what it printed during the attack:\n" + String.join("\n", printed)),
                () -> assertEquals(200, status, "GET /counter after the attack"),
                () -> assertTrue(!alive || heapKb <= baselineKb + HEAP_SLACK_KB, "heap after a full GC is "
                        + heapKb + " KB, more than the baseline " + baselineKb + " KB + " + HEAP_SLACK_KB + " KB"),
                () -> assertTrue(lines <= MAX_LOG_LINES, "the demo printed " + lines + " lines during the attack (at most "
                        + MAX_LOG_LINES + " allowed), the first ones:\n" + String.join("\n", printed.subList(0,
                        Math.min(printed.size(), 100)))));
    }

    // Sockets the attack left are closed asynchronously; give the server a few seconds to let go.
    private long settledHeapKb() throws Exception {
        long kb = demo.heapUsedAfterGcKb();
        for (int retry = 0; retry < 3 && kb > baselineKb + HEAP_SLACK_KB; retry++) {
            Thread.sleep(2_000);
            kb = demo.heapUsedAfterGcKb();
        }
        return kb;
    }

    @AfterAll
    void stopDemo() {
        attacks.shutdownNow();
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void floodFromSocketsThatNeverRead() throws Exception {
        Duration duration = Duration.ofSeconds(10);
        List<Flood.Socket> sockets = honestClicks(() -> Flood.run(demo.port(), 4, duration));
        sockets.forEach(s -> report("flood socket: %s", s));
        // Only replies to the socket's own join and events; no view handles more events than the
        // rate allows (the burst, then RATE a second), the rest are refused.
        long allowedEvents = BURST + RATE * (duration.toSeconds() + 5);
        // What may wait for a socket that does not read without the server holding over 1 MiB: that
        // MiB, the kernel's send buffer (Linux's default maximum is 4 MiB) and the 8 KB we receive.
        long inFlight = 6L * 1024 * 1024;
        assertAll(sockets.stream().map(s -> (Executable) () -> {
            assertTrue(Set.of("ok", "unknown_event", "rate_limited").containsAll(s.replies().keySet()),
                    "unexpected replies: " + s);
            assertTrue(s.replies().getOrDefault("unknown_event", 0L) <= allowedEvents,
                    "more events handled than the rate limit allows: " + s);
            assertTrue(s.closeCode() < 0 || s.closeCode() == 1008, "close code: " + s);
            assertTrue(s.closedByServer() || s.drainedBytes() <= inFlight,
                    "the server held more than 1 MiB for a socket that does not read and did not close it: " + s);
        }));
    }

    @Test
    @Order(2)
    void unfinishedRequestsAreClosedByTheParseTimeout() throws Exception {
        SlowHeaders.Result result = honestClicks(() -> SlowHeaders.run(demo.port(), 100, Duration.ofSeconds(20)));
        report("slow requests: %d still open after 20 s, slowest closed after %d ms, answers %s",
                result.stillOpen(), result.slowestCloseMillis(), Tally.of(result.answers()));
        assertEquals(0, result.stillOpen(), "unfinished requests still open after 20 s (parse timeout 10 s)");
    }

    @Test
    @Order(3)
    void tenThousandJoinsOnOneSocket() throws Exception {
        int joins = 10_000;
        JoinStorm.Result result = honestClicks(() -> JoinStorm.run(demo.port(), 120, joins, Duration.ofSeconds(60)));
        report("join storm: %s", result);
        assertAll(
                () -> assertEquals(joins, result.answered(), "joins answered; " + result),
                () -> assertTrue(Set.of("ok", "already_joined", "too_many_views", "rate_limited")
                        .containsAll(result.replies().keySet()), "unexpected replies: " + result),
                () -> assertTrue(result.replies().getOrDefault("ok", 0L) <= 100, "more than 100 views joined: " + result),
                () -> assertEquals(Map.of(), result.pushes(), "frames other than replies: " + result));
    }

    @Test
    @Order(4)
    void oversizedInput() throws Exception {
        record Seen(Oversize.Answer header200k, Oversize.Answer header20k, Oversize.Answer body10m, String frame10m) {
        }
        Seen seen = honestClicks(() -> new Seen(
                Oversize.hugeHeader(demo.port(), 200 * 1024),
                Oversize.hugeHeader(demo.port(), 20 * 1024),
                Oversize.hugeBody(demo.port(), 10 * 1024 * 1024),
                Oversize.hugeFrame(demo.port(), 10 * 1024 * 1024)));
        report("oversized input: %s", seen);
        assertAll(
                () -> assertTrue(Set.of(400, 431).contains(seen.header200k().status()), "200 KB header: " + seen.header200k()),
                () -> assertTrue(seen.header200k().afterwards().startsWith("closed"), "200 KB header: " + seen.header200k()),
                () -> assertEquals(431, seen.header20k().status(), "20 KB header: " + seen.header20k()),
                () -> assertTrue(Set.of(405, 413).contains(seen.body10m().status()), "10 MB body: " + seen.body10m()),
                () -> assertTrue(!seen.body10m().afterwards().contains("still uploading"),
                        "10 MB body: the connection is stuck: " + seen.body10m()),
                () -> assertEquals("close 1009", seen.frame10m(), "10 MB WebSocket frame"));
    }

    @Test
    @Order(5)
    void wrongPayloadsDoNotCrashTheView() throws Exception {
        int events = 1_000;
        WrongPayloads.Result result = honestClicks(() -> WrongPayloads.run(demo.port(), events, Duration.ofSeconds(30)));
        report("wrong payloads: %s", result);
        JsonNode add = result.add();
        assertAll(
                () -> assertEquals("ok", result.join(), "join of the todo view"),
                () -> assertEquals(events, result.answered(), "wrong events answered; " + result),
                () -> assertTrue(Set.of("bad_payload", "rate_limited").containsAll(result.replies().keySet()),
                        "unexpected replies: " + result),
                () -> assertEquals(Map.of(), result.pushes(), "frames other than replies (error = the view crashed): " + result),
                () -> {
                    assertNotNull(add, "no reply to the honest add afterwards; " + result);
                    assertEquals("ok", ReplyReader.outcome(add), "the honest add afterwards: " + add);
                    assertTrue(add.path(3).path("patch").toString().contains("after the attack"),
                            "the add's patch shows the new item: " + add);
                });
    }

    /**
     * Runs an attack on another thread while an honest browser, in a fresh context, clicks the
     * counter's "+" {@value #HONEST_CLICKS} times and sees each click counted exactly.
     */
    private <T> T honestClicks(Callable<T> attack) throws Exception {
        try (BrowserContext context = Browsers.chromium().newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(CLICK_TIMEOUT_MS);
            page.navigate("http://127.0.0.1:" + demo.port() + "/counter");
            page.locator("[data-lv-root].lv-connected").waitFor();
            Future<T> running = attacks.submit(attack);
            Throwable honest = null;
            List<Long> clickMillis = new ArrayList<>();
            try {
                Locator plus = page.locator("button", new Page.LocatorOptions().setHasText("+"));
                for (int click = 1; click <= HONEST_CLICKS; click++) {
                    long start = System.nanoTime();
                    plus.click();
                    assertThat(page.locator("h1")).hasText("Count: " + click,
                            new LocatorAssertions.HasTextOptions().setTimeout(CLICK_TIMEOUT_MS));
                    clickMillis.add((System.nanoTime() - start) / 1_000_000);
                    if (!running.isDone()) {
                        Thread.sleep(1_000);
                    }
                }
            } catch (AssertionError | PlaywrightException e) {
                honest = e;
            }
            T result = awaitAttack(running);
            report("honest clicks counted after (ms): %s", clickMillis);
            if (honest != null) {
                throw new AssertionError("the honest browser's clicks were not all counted during the attack", honest);
            }
            // Nothing arrives late that changes the count (a remount would reset it to 0).
            assertThat(page.locator("h1")).hasText("Count: " + HONEST_CLICKS);
            return result;
        }
    }

    private <T> T awaitAttack(Future<T> running) throws Exception {
        try {
            return running.get(ATTACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            running.cancel(true);
            return fail("the attack did not end within " + ATTACK_TIMEOUT);
        }
    }

    // Measurements go to the test's output (target/surefire-reports/*-output.txt) for the record.
    private static void report(String format, Object... args) {
        System.out.printf("[hostile %5.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, String.format(format, args));
    }
}
