package io.liveview.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;

/**
 * An application that never calls {@link LiveViewServer.Builder#meterRegistry}: a page visit, a
 * join and an event. {@link MetricsTest} runs it in a class loader without Micrometer.
 */
public final class NoMicrometerApp implements Callable<String> {

    @Override
    public String call() throws Exception {
        LiveViewServer server = LiveViewServer.builder()
                .live("/probe", ProbeLive::new)
                .secret("no-micrometer-secret")
                .port(0)
                .start();
        try {
            TestClient.LivePage page = TestClient.get(server.port(), "/probe");
            try (TestClient client = new TestClient(server.port(), page.cookie())) {
                client.join(page, true);
                JsonNode reply = client.event(page.viewId(), "inc");
                return reply.get(3).path("status").asText("ok");
            }
        } finally {
            server.stop();
        }
    }
}
