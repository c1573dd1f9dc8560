package io.liveview.core;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.util.HeaderMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A request to an {@link Endpoint}: its path, parameters, headers and body (read whole, at most {@code maxBodyBytes}). */
public final class Request {

    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private final String method;
    private final Params params;
    private final Params form;
    private final HeaderMap headers;
    private final byte[] body;
    private final ObjectMapper json;
    private final Session session;

    Request(String method, Params params, HeaderMap headers, byte[] body, ObjectMapper json, Session session) {
        this.session = session;
        this.method = method;
        this.params = params;
        this.headers = headers;
        this.body = body;
        this.json = json;
        this.form = isForm(headers) ? Params.parse(params.path(), new String(body, StandardCharsets.UTF_8))
                : new Params(params.path(), Map.of());
    }

    /**
     * @return the browser's session: the one its {@code lv_session} cookie holds, or a new empty one
     *     (kept only if the response sets it with {@link Response#session(Session)})
     */
    public Session session() {
        return session;
    }

    /**
     * @return the request method: {@code GET}, {@code HEAD} or {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * @return the request path, e.g. {@code /todo/42}, below the prefix of a mounted server as
     *     routes name it
     */
    public String path() {
        return params.path();
    }

    /**
     * @return the path parameters ({@code id} of {@code /todo/{id}}) and the query parameters, as a
     *     live view's mount gets them; {@link Params#getInt} and the like throw
     *     {@link BadParamException}, which answers 404
     */
    public Params params() {
        return params;
    }

    /**
     * @return the fields of an {@code application/x-www-form-urlencoded} body (an HTML form's post),
     *     none for any other body
     */
    public Params form() {
        return form;
    }

    /**
     * Reads the body as JSON through Jackson.
     *
     * @param type the class to read into, e.g. a record
     * @param <T>  its type
     * @return the body as that type
     * @throws BadPayloadException if the body is not JSON of that shape: the client gets 400
     */
    public <T> T json(Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JacksonException e) {
            throw new BadPayloadException("the body is not JSON for " + type.getSimpleName());
        } catch (IOException e) {
            // A byte array cannot fail to be read; only its content can be wrong.
            throw new BadPayloadException("the body could not be read as " + type.getSimpleName());
        }
    }

    /**
     * @param name a header name, in any case
     * @return its first value, if present
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    private static boolean isForm(HeaderMap headers) {
        String type = headers.getFirst("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM_TYPE);
    }
}
