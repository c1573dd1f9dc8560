package io.liveview.docs;

import io.liveview.core.LiveStream;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.List;

/**
 * The {@code java} sample of {@code docs/streams.md}, verbatim, in the context that makes it
 * compile (see {@link DocSamplesTest}).
 */
@SuppressWarnings("unused")
final class StreamsSamples {

    // streams.md sample 1: a feed's stream, mount and events.
    abstract static class FeedView implements LiveView {
        // Context for the sample, not part of it: the entries and where they are kept.
        record Entry(long id, String text) {
        }

        interface EntryStore {
            List<Entry> latest(int count);

            Entry add();

            Entry remove(long id);
        }

        EntryStore store;

        static final LiveStream<Entry> ENTRIES = LiveStream.of("entries", entry -> "entry-" + entry.id());

        public void mount(Params params, Session session, Socket socket) {
            socket.stream(ENTRIES, store.latest(20));                  // the first items, in order
        }

        public void handleEvent(String event, Payload payload, Socket socket) {
            switch (event) {
                case "add" -> socket.streamInsert(ENTRIES, store.add(), 0, 500);   // newest first, keep 500
                case "delete" -> socket.streamDelete(ENTRIES, store.remove(payload.getLong("id")));
                default -> throw new UnknownEventException(event);
            }
        }
    }
}
