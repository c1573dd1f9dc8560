package io.liveview.docs;

import io.liveview.core.Assign;
import io.liveview.core.LiveView;
import io.liveview.core.LiveViewServer;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.time.Duration;

/**
 * The {@code java} samples of {@code README.md}, verbatim, in the context that makes them compile.
 * {@link DocSamplesTest} checks that every sample of the README is here; the compiler checks the
 * samples against the API.
 */
@SuppressWarnings("unused")
final class ReadmeSamples {

    // README sample 1: a view.
    public final class CounterLive implements LiveView {
      static final Assign<Integer> COUNT = Assign.of("count");   // ${count} in the template

      public void mount(Params params, Session session, Socket socket) { socket.assign(COUNT, 0); }

      public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
          case "inc" -> socket.update(COUNT, n -> n + 1);
          case "dec" -> socket.update(COUNT, n -> n - 1);
          default -> throw new UnknownEventException(event);
        }
      }
    }

    // README sample 2: serving it.
    void serve() {
        LiveViewServer.builder().live("/counter", CounterLive::new).port(8080).start();
    }

    // README sample 3: a method of a view.
    abstract static class ConnectedView implements LiveView { // context for the sample, not part of it
        public void connected(Socket socket) {
          socket.every(Duration.ofSeconds(1), "tick");   // handleInfo("tick", socket) every second
          socket.subscribe("chat:lobby");                // handleInfo(message, socket) for each broadcast
        }
    }
}
