package io.liveview.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parameters of the page a view is mounted on: the route's path parameters ({@code id} of
 * {@code /todo/{id}}) and the query parameters, a path parameter first when both have a name.
 *
 * @param path   the request path, e.g. {@code /todo/42}, below the prefix of a mounted server
 * @param values each parameter name with its values, in order of appearance
 */
public record Params(String path, Map<String, List<String>> values) {

    /** Copies {@code values} so a view cannot change what another callback sees. */
    public Params {
        values = Map.copyOf(values);
    }

    /**
     * @param name a parameter name
     * @return its first value, if present
     */
    public Optional<String> get(String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * @param name a parameter name
     * @return its first value
     * @throws BadParamException if it is absent
     */
    public String require(String name) {
        return ClientValues.require(get(name), "page parameter", name, BadParamException::new);
    }

    /**
     * @param name a parameter name, e.g. {@code id} of {@code /todo/{id}}
     * @return its first value as an int
     * @throws BadParamException if it is absent or not an integer: the page answers 404
     */
    public int getInt(String name) {
        return integer(name, Integer::parseInt);
    }

    /**
     * @param name a parameter name
     * @return its first value as a long
     * @throws BadParamException if it is absent or not an integer: the page answers 404
     */
    public long getLong(String name) {
        return integer(name, Long::parseLong);
    }

    private <T> T integer(String name, Function<String, T> parse) {
        return ClientValues.integer(require(name), "page parameter", name, parse, BadParamException::new);
    }

    /** Reads a raw (still percent-encoded) query string; {@code null} means none. */
    static Params parse(String path, String rawQuery) {
        return parse(path, rawQuery, Map.of());
    }

    /** The route's path parameters, then a raw query string's ({@code null}: none). */
    static Params parse(String path, String rawQuery, Map<String, String> pathValues) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        pathValues.forEach((name, value) -> values.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return new Params(path, values);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
