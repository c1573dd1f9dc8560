package io.liveview.core;

import java.util.ArrayList;
import java.util.List;

/** Streams numbers: "more" appends the next ones, "top" inserts one first, "drop" deletes one, "reset" starts over. */
public final class StreamedLive implements LiveView {

    static final LiveStream<Integer> ITEMS = LiveStream.of("items", n -> "n" + n);

    // The socket of the latest mount, so a test can look at what the view holds.
    static volatile Socket last;

    private int next = 1;

    @Override
    public void mount(Params params, Session session, Socket socket) {
        last = socket;
        more(3, socket);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "more" -> more(payload.getInt("count"), socket);
            case "top" -> socket.streamInsert(ITEMS, next++, 0);
            case "drop" -> socket.streamDelete(ITEMS, payload.getInt("n"));
            case "reset" -> socket.streamReset(ITEMS).streamInsert(ITEMS, next++);
            default -> throw new UnknownEventException(event);
        }
    }

    private void more(int count, Socket socket) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(next++);
        }
        socket.stream(ITEMS, numbers);
    }
}
