package io.liveview.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveview.core.LiveViewServer;
import io.liveview.demo.DemoApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The demo's health check, a plain HTTP endpoint: what a load balancer polls. */
class HealthTest {

    @Test
    void healthAnswersUpAsJson() throws Exception {
        try (LiveViewServer server = DemoApp.configure(LiveViewServer.builder()).secret("health-test-secret").port(0).start();
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("{\"status\":\"up\"}", response.body());
        }
    }
}
