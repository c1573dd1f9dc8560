package io.liveview.docs;

import io.liveview.core.LiveView;
import io.liveview.core.Socket;
import io.liveview.core.ViewRef;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code java} sample of {@code docs/processes.md}, verbatim, in the context that makes it
 * compile (see {@link DocSamplesTest}).
 */
@SuppressWarnings("unused")
final class ProcessesSamples {

    // Context for the sample, not part of it: an application's report service.
    interface Reports {
        Object slowQuery() throws Exception;
    }

    // processes.md sample 1: a method of a view.
    abstract static class OrdersView implements LiveView {
        // Context for the sample, not part of it: what the view was given or mounted with.
        Reports reports;
        Map<String, ViewRef> registry;
        String userId;

        public void connected(Socket socket) {
            socket.every(Duration.ofSeconds(1), "tick");            // handleInfo("tick") each second
            socket.subscribe("orders");                             // handleInfo(each broadcast message)
            socket.assignAsync("stats", () -> reports.slowQuery()); // loading, then ok(value) or failed(reason)
            registry.put(userId, socket.self());                    // any thread: ref.send(message)
        }
    }
}
