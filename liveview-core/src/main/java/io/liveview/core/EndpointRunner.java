package io.liveview.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plain HTTP endpoint off the I/O thread: reads the body (at most {@code maxBodyBytes}),
 * refuses a POST without the session's CSRF token, calls the handler and sends its answer.
 */
final class EndpointRunner {

    /** The form field that carries the CSRF token of an HTML form's post. */
    static final String CSRF_FIELD = "_csrf";
    /** The header that carries the CSRF token of a script's post. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Logger LOG = LoggerFactory.getLogger(EndpointRunner.class);

    private final Tokens tokens;
    private final ObjectMapper json;
    private final LogLimiter logs;
    private final ExecutorService threads;
    private final long maxBodyBytes;
    private final Function<HttpServerExchange, Session> sessions;
    private final Consumer<String> sessionEnded;

    EndpointRunner(Tokens tokens, ObjectMapper json, LogLimiter logs, ExecutorService threads, long maxBodyBytes,
                   Function<HttpServerExchange, Session> sessions, Consumer<String> sessionEnded) {
        this.sessions = sessions;
        this.sessionEnded = sessionEnded;
        this.tokens = tokens;
        this.json = json;
        this.logs = logs;
        this.threads = threads;
        this.maxBodyBytes = maxBodyBytes;
    }

    void serve(HttpServerExchange exchange, Endpoints.Match match) {
        exchange.dispatch(threads, () -> run(exchange, match));
    }

    private void run(HttpServerExchange exchange, Endpoints.Match match) {
        String template = match.route().path();
        HttpString method = exchange.getRequestMethod();
        boolean post = method.equals(Methods.POST);
        exchange.startBlocking();
        try {
            byte[] body = post ? readBody(exchange) : new byte[0];
            if (body == null) {
                // Past the limit in a chunked body, Undertow ends the exchange and the connection itself.
                if (!exchange.isResponseStarted()) {
                    exchange.setPersistent(false);
                    LiveViewServer.plain(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, "Request body too large");
                }
                return;
            }
            String query = exchange.getQueryString();
            Session session = sessions.apply(exchange);
            Request request = new Request(method.toString(),
                    Params.parse(MountPath.path(exchange), query.isEmpty() ? null : query, match.values()),
                    exchange.getRequestHeaders(), body, json, session == null ? Session.fresh() : session);
            if (post && !carriesCsrf(session, request)) {
                logs.warn(LOG, "invalid_csrf " + template, "refused a POST to {}: no valid CSRF token", template);
                LiveViewServer.plain(exchange, StatusCodes.FORBIDDEN, "Missing or invalid CSRF token");
                return;
            }
            Response response = new Response(post ? StatusCodes.SEE_OTHER : StatusCodes.FOUND, MountPath.base(exchange), json,
                    tokens, session);
            match.route().handler().handle(request, response);
            if (response.endsSession() && session != null) {
                sessionEnded.accept(session.id());
            }
            response.send(exchange);
        } catch (BadParamException e) {
            logs.warn(LOG, "bad_param " + template, "endpoint {} {}: no such resource: {}", method, template, e.getMessage());
            LiveViewServer.plain(exchange, StatusCodes.NOT_FOUND, "Not found");
        } catch (BadPayloadException e) {
            logs.warn(LOG, "bad_payload " + template, "endpoint {} {}: bad request: {}", method, template, e.getMessage());
            LiveViewServer.plain(exchange, StatusCodes.BAD_REQUEST, "Bad request");
        } catch (Exception | LinkageError e) {
            logs.error(LOG, "endpoint_failed " + template, "endpoint {} {} failed", method, template, e);
            LiveViewServer.plain(exchange, StatusCodes.INTERNAL_SERVER_ERROR, "Internal error");
        }
    }

    /**
     * @return the whole body, or {@code null} if it is over {@code maxBodyBytes} (a chunked body
     *     has no length for HttpGuard to refuse it by)
     */
    private byte[] readBody(HttpServerExchange exchange) throws IOException {
        int limit = (int) Math.min(maxBodyBytes, Integer.MAX_VALUE - 1);
        try {
            byte[] body = exchange.getInputStream().readNBytes(limit + 1);
            return body.length > limit ? null : body;
        } catch (RequestTooBigException e) {
            return null;
        }
    }

    /** The token the live pages of the request's session carry, from the header or the form. */
    private boolean carriesCsrf(Session session, Request request) {
        String token = request.header(CSRF_HEADER).or(() -> request.form().get(CSRF_FIELD)).orElse(null);
        return session != null && tokens.validCsrf(session.id(), token);
    }
}
