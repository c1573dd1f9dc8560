package io.liveview.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A view for process tests: messages, timers, async work, topics and termination, each observable. */
public final class ProcessLive implements LiveView {

    static final Map<String, ViewRef> REFS = new ConcurrentHashMap<>();
    static final Map<String, TerminateReason> TERMINATED = new ConcurrentHashMap<>();
    static final AtomicInteger OVERLAPS = new AtomicInteger();
    static final AtomicInteger NAPS = new AtomicInteger();
    static volatile CountDownLatch interrupted = new CountDownLatch(1);

    private final AtomicBoolean inside = new AtomicBoolean();
    private int ticks; // deliberately unsynchronised: exact only if callbacks never overlap
    private TimerRef timer;

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("ticks", 0);
        socket.assign("label", "");
        socket.assign("heard", "");
        socket.assign("user", AsyncValue.loading());
    }

    @Override
    public void connected(Socket socket) {
        REFS.put(socket.id(), socket.self());
        socket.subscribe("room");
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        enter();
        try {
            switch (event) {
                case "after" -> socket.sendAfter(Duration.ofMillis(payload.getInt("ms")), "tick");
                case "every" -> timer = socket.every(Duration.ofMillis(payload.getInt("ms")), "tick");
                case "cancel" -> timer.cancel();
                case "burst" -> {
                    for (int i = 0; i < payload.getInt("n"); i++) {
                        socket.send("tick");
                    }
                }
                case "tick" -> tick(socket);
                case "async" -> socket.startAsync("load", () -> {
                    Thread.sleep(payload.getInt("ms"));
                    return "loaded";
                });
                case "async-fail" -> socket.startAsync("load", () -> {
                    throw new IllegalStateException("no data");
                });
                case "async-block" -> socket.startAsync("block", () -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return "never";
                });
                case "assign-async" -> socket.assignAsync("user", () -> {
                    Thread.sleep(payload.getInt("ms"));
                    if (payload.get("fail").isPresent()) {
                        throw new IllegalStateException("user service down");
                    }
                    return "Ada";
                });
                case "shout" -> socket.broadcastFrom("room", "hello from " + socket.id());
                case "boom" -> throw new IllegalStateException("boom on purpose");
                default -> throw new UnknownEventException(event);
            }
        } finally {
            leave();
        }
    }

    @Override
    public void handleInfo(Object message, Socket socket) throws InterruptedException {
        enter();
        try {
            if ("tick".equals(message)) {
                tick(socket);
            } else if ("nap".equals(message)) {
                Thread.sleep(1);
                NAPS.incrementAndGet();
            } else {
                socket.assign("heard", message);
            }
        } finally {
            leave();
        }
    }

    @Override
    public void handleAsync(String name, AsyncResult result, Socket socket) {
        enter();
        try {
            socket.assign("label", result.isOk() ? name + ": " + result.value() : name + " failed: " + result.failure().getMessage());
        } finally {
            leave();
        }
    }

    @Override
    public void terminate(TerminateReason reason, Socket socket) {
        TERMINATED.put(socket.id(), reason);
    }

    private void tick(Socket socket) {
        int seen = ticks;
        Thread.yield();
        ticks = seen + 1;
        socket.assign("ticks", ticks);
    }

    private void enter() {
        if (!inside.compareAndSet(false, true)) {
            OVERLAPS.incrementAndGet();
        }
    }

    private void leave() {
        inside.set(false);
    }
}
