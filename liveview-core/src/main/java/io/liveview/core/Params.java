package io.liveview.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of the page a view is mounted on.
 *
 * @param path   the request path, e.g. {@code /todo}
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

    /** Reads a raw (still percent-encoded) query string; {@code null} means none. */
    static Params parse(String path, String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
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
