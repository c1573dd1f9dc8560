package io.liveview.demo;

import io.liveview.core.Assign;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Search as you type, over the world's countries: the field waits for a pause (lv-debounce) before it asks. */
public final class SearchLive implements LiveView {

    private static final int SHOWN = 20;
    private static final List<String> COUNTRIES = Arrays.stream(Locale.getISOCountries())
            .map(code -> Locale.of("", code).getDisplayCountry(Locale.ENGLISH)).sorted().toList();

    private static final Assign<String> QUERY = Assign.of("query");
    private static final Assign<List<String>> MATCHES = Assign.of("matches");
    private static final Assign<Integer> FOUND = Assign.of("found");

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("Search");
        show("", socket);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        if (!event.equals("search")) {
            throw new UnknownEventException(event);
        }
        show(payload.get("q").orElse("").strip(), socket);
    }

    private static void show(String query, Socket socket) {
        String wanted = query.toLowerCase(Locale.ROOT);
        List<String> matches = query.isEmpty() ? List.of()
                : COUNTRIES.stream().filter(c -> c.toLowerCase(Locale.ROOT).contains(wanted)).toList();
        socket.assign(QUERY, query);
        socket.assign(FOUND, matches.size());
        socket.assign(MATCHES, matches.subList(0, Math.min(SHOWN, matches.size())));
    }
}
