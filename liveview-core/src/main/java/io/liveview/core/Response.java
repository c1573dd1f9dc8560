package io.liveview.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an {@link Endpoint} answers. Each call replaces what an earlier one of its kind set; nothing is
 * sent until the handler returns.
 */
public final class Response {

    private final int redirectStatus;
    private final String base;
    private final ObjectMapper json;
    // Header names are case-insensitive: a handler's "content-type" and text()'s "Content-Type" are one header.
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Tokens tokens;
    private int status = 200;
    private byte[] body = new byte[0];
    private String sessionCookie;
    private boolean endsSession;
    private final Map<String, String> flash = new LinkedHashMap<>();
    // The session the browser is in once this response lands: its flash is signed for that one.
    private String sessionId;

    /**
     * @param base    the prefix the server is mounted under, put in front of redirect targets
     * @param session the request's session, {@code null} if the browser has none yet
     */
    Response(int redirectStatus, String base, ObjectMapper json, Tokens tokens, Session session) {
        this.redirectStatus = redirectStatus;
        this.base = base;
        this.json = json;
        this.tokens = tokens;
        this.sessionId = session == null ? null : session.id();
    }

    /**
     * Replaces the browser's session: e.g. {@code response.session(request.session().renewed().with("user", name))}
     * when a user signs in. Views rendered from now on see it in {@code mount}.
     *
     * @param session the new session
     * @return this response
     * @throws SessionTooLargeException if its cookie would be over what browsers keep; nothing is written
     */
    public Response session(Session session) {
        this.sessionCookie = tokens.signSession(Objects.requireNonNull(session, "session"));
        this.sessionId = session.id();
        return this;
    }

    /**
     * Shows a message on the next live page the browser opens, as {@link Socket#putFlash} does
     * before a redirect: e.g. {@code response.putFlash("info", "Welcome back").redirect("/todo")}.
     * It travels in the signed {@code lv_flash} cookie for a minute, for the browser's session (the
     * one {@link #session} sets, if called) and is shown once.
     *
     * @param kind    e.g. {@code info} or {@code error}; a later message of the same kind replaces it
     * @param message the text
     * @return this response
     */
    public Response putFlash(String kind, String message) {
        flash.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(message, "message"));
        return this;
    }

    /**
     * @param status the HTTP status, 100 to 599. Default 200.
     * @return this response
     */
    public Response status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        this.status = status;
        return this;
    }

    /**
     * @param name  a header name
     * @param value its value; no line breaks, so a value from client input cannot add headers
     * @return this response
     */
    public Response header(String name, String value) {
        if (name.isEmpty() || (name + value).chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("a header name is not empty and neither name nor value breaks a line");
        }
        headers.put(name, value);
        return this;
    }

    /**
     * @param text the body, as {@code text/plain; charset=utf-8}
     * @return this response
     */
    public Response text(String text) {
        return body("text/plain; charset=utf-8", text);
    }

    /**
     * @param html the body, as {@code text/html; charset=utf-8}; escaping client input in it is the
     *             handler's job (a Thymeleaf template does it)
     * @return this response
     */
    public Response html(String html) {
        return body("text/html; charset=utf-8", html);
    }

    /**
     * @param value written as the body through Jackson, as {@code application/json}
     * @return this response
     * @throws IllegalArgumentException if Jackson cannot write it: the client gets 500
     */
    public Response json(Object value) {
        try {
            return body("application/json", json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Sends the browser to another page of this site: 303 (See Other) after a POST, so a reload does
     * not post again, 302 after a GET.
     *
     * @param target a path on this site, e.g. {@code /todo?done=1}, as routes name it: a server
     *               mounted under a prefix puts the prefix in front. Anything else (another origin
     *               such as {@code //evil.example} or {@code https://evil.example}, a
     *               {@code javascript:} URL, a relative path) is replaced by {@code /}, so client
     *               input may name the target without opening a redirect to another site
     * @return this response
     */
    public Response redirect(String target) {
        status = redirectStatus;
        body = new byte[0];
        headers.remove("Content-Type");
        headers.put("Location", base + sameOrigin(target));
        return this;
    }

    /** {@code target} if it is a path on this origin, else {@code /}. */
    static String sameOrigin(String target) {
        boolean path = target != null && target.startsWith("/") && !target.startsWith("//")
                // Browsers read a backslash as a slash, and drop tabs and line breaks: "/\evil" and "/\t/evil" leave the site.
                && target.chars().noneMatch(c -> c == '\\' || c < 0x20 || c == 0x7f);
        return path ? target : "/";
    }

    /**
     * Signs the browser out everywhere: its session ends (a new empty one replaces it) and every live
     * view of the old session, in every tab and on every node, is disconnected; their pages reload
     * and meet the route group's hooks (a sign-in page) again.
     *
     * @return this response
     */
    public Response endSession() {
        Session fresh = Session.fresh();
        this.sessionCookie = tokens.signSession(fresh);
        this.sessionId = fresh.id();
        this.endsSession = true;
        return this;
    }

    /** Whether the handler ended the request's session. */
    boolean endsSession() {
        return endsSession;
    }

    void send(HttpServerExchange exchange) {
        if (sessionCookie != null) {
            LiveViewServer.setSessionCookie(exchange, sessionCookie);
        }
        if (!flash.isEmpty() && sessionId != null) {
            exchange.setResponseCookie(new CookieImpl(LiveViewServer.FLASH_COOKIE, tokens.signFlash(flash, sessionId))
                    .setPath("/").setMaxAge(60).setHttpOnly(true).setSameSiteMode("Lax")
                    .setSecure("https".equalsIgnoreCase(exchange.getRequestScheme())));
        }
        exchange.setStatusCode(status);
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private Response body(String contentType, String text) {
        headers.put("Content-Type", contentType);
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }
}
