package io.liveview.demo;

import io.liveview.core.Assign;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A made-up load figure, a sample a second, drawn by the page's Sparkline hook (static/app.js): the
 * hook tells the view how many samples its canvas fits, redraws on every update, and flashes when
 * the view pushes a new high.
 */
public final class SparklineLive implements LiveView {

    private static final int FIRST_SLOTS = 30;
    private static final int MAX_SLOTS = 200;
    private static final int TOP = 100;

    private static final Assign<String> POINTS = Assign.of("points");
    private static final Assign<Integer> LATEST = Assign.of("latest");

    private final Deque<Integer> samples = new ArrayDeque<>();
    private final Random random = new Random();
    private int walk = TOP / 2;
    private int slots = FIRST_SLOTS;

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("Sparkline");
        fill();
        show(socket);
    }

    @Override
    public void connected(Socket socket) {
        socket.every(Duration.ofSeconds(1), "tick");
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "fit" -> {
                slots = Math.clamp(payload.getInt("slots"), 2, MAX_SLOTS);
                fill();
                show(socket);
            }
            case "spike" -> add(TOP, socket);
            default -> throw new UnknownEventException(event);
        }
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        if ("tick".equals(message)) {
            walk = Math.clamp(walk + random.nextInt(-9, 10), 0, TOP - 1);
            add(walk, socket);
        }
    }

    /** Adds a sample; one above every other shown is pushed to the hook, which flashes. */
    private void add(int sample, Socket socket) {
        boolean high = samples.stream().allMatch(s -> s < sample);
        samples.addLast(sample);
        fill();
        show(socket);
        if (high) {
            socket.pushEvent("peak", Map.of("value", sample));
        }
    }

    /** As many samples as there are slots: older ones dropped, or made up before the first. */
    private void fill() {
        while (samples.size() > slots) {
            samples.removeFirst();
        }
        while (samples.size() < slots) {
            samples.addFirst(Math.clamp((samples.isEmpty() ? walk : samples.getFirst()) + random.nextInt(-9, 10), 0, TOP - 1));
        }
    }

    private void show(Socket socket) {
        socket.assign(POINTS, samples.stream().map(String::valueOf).collect(Collectors.joining(",")));
        socket.assign(LATEST, samples.getLast());
    }
}
