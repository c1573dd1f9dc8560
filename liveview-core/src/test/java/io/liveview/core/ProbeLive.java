package io.liveview.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/** A view for protocol tests: counts, crashes on demand, messages itself, detects overlap, shows its MDC. */
public final class ProbeLive implements LiveView {

    static final AtomicInteger OVERLAPS = new AtomicInteger();
    private final AtomicBoolean inside = new AtomicBoolean();
    private final List<String> items = new ArrayList<>();
    private int rounds;

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("count", params.get("start").map(Integer::parseInt).orElse(0));
        socket.assign("items", items);
        socket.assign("blob", "");
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) throws Exception {
        if (!inside.compareAndSet(false, true)) {
            OVERLAPS.incrementAndGet();
        }
        try {
            switch (event) {
                case "inc" -> socket.update("count", (Integer n) -> n + payload.get("by").map(Integer::parseInt).orElse(1));
                case "add" -> {
                    items.add(payload.get("item").orElse("?"));
                    socket.assign("items", items);
                }
                case "noop" -> { }
                case "slow" -> {
                    Thread.sleep(1);
                    socket.update("count", (Integer n) -> n + 1);
                }
                case "tick-later" -> socket.send("tick");
                case "big" -> socket.assign("blob", String.valueOf((char) ('a' + payload.getInt("round") % 26)).repeat(payload.getInt("size")));
                case "sleep" -> Thread.sleep(payload.getInt("ms"));
                case "stream" -> socket.every(Duration.ofMillis(2), "grow");
                case "need-int" -> socket.update("count", (Integer n) -> n + payload.getInt("n"));
                case "boom" -> throw new IllegalStateException("boom on purpose");
                case "mdc" -> socket.assign("blob", MDC.get(ViewProcess.MDC_VIEW) + " " + MDC.get(ViewProcess.MDC_ROUTE));
                default -> throw new UnknownEventException(event);
            }
        } finally {
            inside.set(false);
        }
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        if ("tick".equals(message)) {
            socket.update("count", (Integer n) -> n + 100);
        } else if ("grow".equals(message)) {
            rounds++;
            socket.assign("blob", String.valueOf((char) ('a' + rounds % 26)).repeat(50_000));
        }
    }
}
