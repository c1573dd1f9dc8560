package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy: with {@code trustForwardedHeaders()} the socket's origin is checked
 * against the forwarded host and the cookie follows the forwarded scheme; without it, a client
 * claiming those headers changes nothing.
 */
class ForwardedHeadersTest extends ServerTest {

    private static final String[] FROM_PUBLIC_HTTPS = {
        "Origin", "https://public.example", "X-Forwarded-Host", "public.example", "X-Forwarded-Proto", "https"};

    private String sessionCookie(int port, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/probe"));
        for (int i = 0; i < headers.length; i += 2) {
            if (!headers[i].equals("Origin")) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        String cookie = TestClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Set-Cookie").orElseThrow();
        String attributes = cookie.toLowerCase(Locale.ROOT);
        assertTrue(attributes.contains("; httponly"), cookie);
        assertTrue(attributes.contains("; samesite=lax"), cookie);
        return attributes;
    }

    private static URI socketAt(int port) {
        return URI.create("ws://localhost:" + port + LiveViewServer.SOCKET_PATH);
    }

    @Test
    void trustedForwardedHeadersLetThePublicOriginInAndMakeTheCookieSecure() throws Exception {
        int port = start(b -> b.trustForwardedHeaders());
        assertTrue(sessionCookie(port, FROM_PUBLIC_HTTPS).contains("; secure"));
        assertFalse(sessionCookie(port).contains("secure"), "a request the proxy marks as http");

        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(socketAt(port), page.cookie(), FROM_PUBLIC_HTTPS)) {
            assertEquals("ok", status(client.join(page, true)));
        }
        Exception refused = assertThrows(Exception.class,
                () -> new TestClient(socketAt(port), null, "Origin", "https://evil.example",
                        "X-Forwarded-Host", "public.example", "X-Forwarded-Proto", "https"));
        assertEquals(403, ProtocolTest.handshakeStatus(refused), "the origin must still be the forwarded host");
    }

    @Test
    void aForwardedPortIsPartOfTheHostTheOriginMustMatch() throws Exception {
        int port = start(b -> b.trustForwardedHeaders());
        try (TestClient client = new TestClient(socketAt(port), null, "Origin", "https://public.example:8443",
                "X-Forwarded-Host", "public.example", "X-Forwarded-Port", "8443", "X-Forwarded-Proto", "https")) {
            assertEquals("ok", status(client.call(null, "heartbeat", TestClient.JSON.createObjectNode())));
        }
        Exception refused = assertThrows(Exception.class, () -> new TestClient(socketAt(port), null,
                "Origin", "https://public.example", "X-Forwarded-Host", "public.example", "X-Forwarded-Port", "8443"));
        assertEquals(403, ProtocolTest.handshakeStatus(refused));
    }

    @Test
    void withoutTheSettingForwardedHeadersAreIgnored() throws Exception {
        int port = start(b -> b);
        assertFalse(sessionCookie(port, FROM_PUBLIC_HTTPS).contains("secure"), "X-Forwarded-Proto is not believed");
        Exception refused = assertThrows(Exception.class, () -> new TestClient(socketAt(port), null, FROM_PUBLIC_HTTPS));
        assertEquals(403, ProtocolTest.handshakeStatus(refused), "nor is X-Forwarded-Host");
    }
}
