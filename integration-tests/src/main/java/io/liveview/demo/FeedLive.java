package io.liveview.demo;

import io.liveview.core.Assign;
import io.liveview.core.LiveStream;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.stream.LongStream;

/**
 * A feed as a stream: entries arrive a hundred at a time, newest first, and the page keeps the
 * newest 500; each can be deleted. The view holds none of them, only how many it made.
 */
public final class FeedLive implements LiveView {

    /** One entry of the feed. */
    public record Entry(long id, String text) {
    }

    static final int SHOWN = 500;
    private static final int FIRST = 20;
    private static final int BATCH = 100;

    private static final LiveStream<Entry> ENTRIES = LiveStream.of("entries", entry -> "entry-" + entry.id());
    private static final Assign<Long> MADE = Assign.of("made");

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("Feed").assign(MADE, 0L).assign("shown", SHOWN);
        add(FIRST, socket);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "add" -> add(BATCH, socket);
            case "delete" -> socket.streamDelete(ENTRIES, new Entry(payload.getLong("id"), ""));
            default -> throw new UnknownEventException(event);
        }
    }

    private static void add(int count, Socket socket) {
        long made = socket.get(MADE);
        LongStream.rangeClosed(made + 1, made + count)
                .forEach(id -> socket.streamInsert(ENTRIES, new Entry(id, "Entry " + id), 0, SHOWN));
        socket.assign(MADE, made + count);
    }
}
