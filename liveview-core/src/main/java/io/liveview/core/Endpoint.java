package io.liveview.core;

/**
 * A plain HTTP endpoint: answers a request without a live view, e.g. a health check, a form post or
 * a small JSON API. Added with {@link LiveViewServer.Builder#get} or {@link LiveViewServer.Builder#post}.
 *
 * <pre>{@code
 * .get("/health", (request, response) -> response.json(Map.of("status", "up")))
 * .post("/todo/{id}/done", (request, response) -> {
 *     todos.done(request.params().getInt("id"));
 *     response.redirect("/todo");
 * })
 * }</pre>
 *
 * <p>It runs on a virtual thread of its own, so it may block. An exception answers 500 ("Internal
 * error", the cause only in the server log); a {@link BadParamException} answers 404 and a
 * {@link BadPayloadException} 400.
 */
@FunctionalInterface
public interface Endpoint {

    /**
     * Handles one request. Nothing is sent until this returns, so a handler that throws leaves no
     * half-written answer.
     *
     * @param request  what the client sent
     * @param response what to answer; 200 with an empty body unless the handler sets something
     * @throws Exception for any failure: the client gets a plain 500
     */
    void handle(Request request, Response response) throws Exception;
}
