package io.liveview.core;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The first handler of every request: puts the security headers on the response, then refuses what
 * no route should see: bodies over {@link Limits#maxBodyBytes()} (413), request lines plus headers
 * over {@link Limits#maxHeaderBytes()} or more than {@link #MAX_COOKIES} cookies (431), and a method
 * the path does not take (405): GET and HEAD, only GET on the socket path, POST only where an
 * endpoint takes it. Everything else goes on to the routes.
 */
final class HttpGuard implements HttpHandler {

    /**
     * The most cookies a request may carry. Undertow's own cap must not be lower: it throws from
     * the cookie getter, deep in a page render, and leaves the request hanging.
     */
    static final int MAX_COOKIES = 100;

    private static final HttpString CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");
    private static final HttpString FRAME_OPTIONS = new HttpString("X-Frame-Options");
    private static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");
    private static final HttpString CONTENT_SECURITY_POLICY = new HttpString("Content-Security-Policy");
    // Bytes the wire format adds: the spaces and CRLF of the request line, ": " and CRLF per header.
    private static final int REQUEST_LINE_FRAMING = 4;
    private static final int HEADER_FRAMING = 4;

    private final Limits limits;
    private final SecurityHeaders headers;
    private final UnaryOperator<String> allowedMethods;
    private final HttpHandler next;

    /**
     * @param allowedMethods a path's {@code Allow} value, e.g. {@code "GET, HEAD"}: the methods it takes
     */
    HttpGuard(Limits limits, SecurityHeaders headers, UnaryOperator<String> allowedMethods, HttpHandler next) {
        this.limits = limits;
        this.headers = headers;
        this.allowedMethods = allowedMethods;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        // Set first, so that every answer below and every route's, errors included, carries them.
        addSecurityHeaders(exchange.getResponseHeaders());
        if (exchange.getRequestContentLength() > limits.maxBodyBytes()) {
            // Close rather than read and discard a body we already know is too large.
            exchange.setPersistent(false);
            LiveViewServer.plain(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, "Request body too large");
        } else if (headerBytes(exchange) > limits.maxHeaderBytes() || cookieCount(exchange) > MAX_COOKIES) {
            LiveViewServer.plain(exchange, StatusCodes.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large");
        } else {
            String allow = allowedMethods.apply(MountPath.path(exchange));
            if (allowed(exchange.getRequestMethod(), allow)) {
                next.handleRequest(exchange);
            } else {
                exchange.getResponseHeaders().put(Headers.ALLOW, allow);
                LiveViewServer.plain(exchange, StatusCodes.METHOD_NOT_ALLOWED, "Method not allowed");
            }
        }
    }

    private void addSecurityHeaders(HeaderMap response) {
        response.put(CONTENT_TYPE_OPTIONS, "nosniff");
        putUnlessNull(response, CONTENT_SECURITY_POLICY, headers.contentSecurityPolicy());
        putUnlessNull(response, FRAME_OPTIONS, headers.frameOptions());
        putUnlessNull(response, REFERRER_POLICY, headers.referrerPolicy());
    }

    private static void putUnlessNull(HeaderMap response, HttpString name, String value) {
        if (value != null) {
            response.put(name, value);
        }
    }

    /** The size of the request line and headers as they came on the wire, near enough to the byte. */
    static long headerBytes(HttpServerExchange exchange) {
        String query = exchange.getQueryString();
        long bytes = exchange.getRequestMethod().length() + exchange.getRequestURI().length()
                + (query.isEmpty() ? 0 : 1 + query.length()) + exchange.getProtocol().length() + REQUEST_LINE_FRAMING;
        for (HeaderValues header : exchange.getRequestHeaders()) {
            for (String value : header) {
                bytes += header.getHeaderName().length() + value.length() + HEADER_FRAMING;
            }
        }
        return bytes;
    }

    /** At least as many as Undertow will parse: it may merge or skip some, never split one. */
    private static int cookieCount(HttpServerExchange exchange) {
        HeaderValues headers = exchange.getRequestHeaders().get(Headers.COOKIE);
        if (headers == null) {
            return 0;
        }
        int cookies = 0;
        for (String header : headers) {
            cookies += header.split(";").length;
        }
        return cookies;
    }

    private static boolean allowed(HttpString method, String allow) {
        return List.of(allow.split(", ")).contains(method.toString());
    }
}
