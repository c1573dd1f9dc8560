package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The browser client as served stays within its budget: 8 KB gzipped. */
class ClientSizeTest extends ServerTest {

    static final int BUDGET_BYTES = 8 * 1024;

    @Test
    void theServedClientIsAtMost8KbGzipped() throws Exception {
        int port = start(b -> b);
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + LiveViewServer.CLIENT_PATH))
                        .header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", served.headers().firstValue("Content-Encoding").orElseThrow());
        int size = served.body().length;
        System.out.printf("ClientSizeTest: the client is %d bytes gzipped (budget %d)%n", size, BUDGET_BYTES);
        assertTrue(size <= BUDGET_BYTES, "the client is " + size + " bytes gzipped, over its budget of " + BUDGET_BYTES);
    }
}
