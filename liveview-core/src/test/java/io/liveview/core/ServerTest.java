package io.liveview.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/** Base of tests that start a server of their own: every test view routed, the test's settings. */
abstract class ServerTest {

    protected LiveViewServer server;

    /**
     * Starts a server on a free port with the test views and the given settings.
     *
     * @return its port
     */
    protected int start(UnaryOperator<LiveViewServer.Builder> settings) {
        stopServer();
        server = settings.apply(LiveViewServer.builder()
                .live("/probe", ProbeLive::new)
                .live("/failing", FailingMountLive::new)
                .live("/counting", CountingLive::new)
                .live("/process", ProcessLive::new)
                .live("/tally", MountTallyLive::new)
                .secret("server-test-secret")
                .port(0)).start();
        return server.port();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    static String status(JsonNode reply) {
        return reply.get(3).path("status").asText("ok");
    }

    static String reason(JsonNode reply) {
        return reply.get(3).path("reason").asText();
    }
}
