package io.liveview.docs;

import io.liveview.core.LiveViewServer;
import io.liveview.demo.CounterLive;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.util.Map;

/**
 * The {@code java} samples of {@code docs/deployment.md}, verbatim, in the context that makes them
 * compile (see {@link DocSamplesTest}).
 */
@SuppressWarnings("unused")
final class DeploymentSamples {

    // deployment.md sample 1: behind a proxy.
    void behindAProxy() {
        LiveViewServer.builder()
            .live("/counter", CounterLive::new)
            .trustForwardedHeaders()   // only when every request comes through the proxy
            .start();
    }

    // deployment.md sample 2: inside another Undertow server.
    void embedded(HttpHandler applicationHandler) { // context for the sample, not part of it
        LiveViewServer live = LiveViewServer.builder()
            .live("/counter", CounterLive::new)           // served at /live/counter
            .get("/health", (request, response) -> response.text("up"))
            .build();                                     // no listener: start() would open one

        Undertow.builder()
            .addHttpListener(8080, "0.0.0.0")
            .setHandler(Handlers.path(applicationHandler).addPrefixPath("/live", live.handler()))
            .build()
            .start();
    }

    // deployment.md sample 3: a step of a builder chain.
    void health() {
        LiveViewServer.builder() // context for the sample, not part of it
            .get("/health", (request, response) -> response.json(Map.of("status", "up")))
        ; // context for the sample, not part of it
    }
}
