package io.liveview.demo;

import io.liveview.core.Assign;
import io.liveview.core.BadPayloadException;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.ArrayList;
import java.util.List;

/**
 * A 1,000-row table as a plain {@code th:each} over a list: each row's button bumps that row's
 * value. The page the load generator's table scenario drives; the rows live in {@link TableRows},
 * so variants of the page (row components, a stream) can share them.
 */
public final class TableLive implements LiveView {

    private static final Assign<List<TableRows.Row>> ROWS = Assign.of("rows");

    private final List<TableRows.Row> rows = new ArrayList<>(TableRows.first(TableRows.COUNT));

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("Table");
        socket.assign(ROWS, rows);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        if (!event.equals("bump")) {
            throw new UnknownEventException(event);
        }
        int id = payload.getInt("id");
        if (id < 1 || id > rows.size()) {
            throw new BadPayloadException("no row " + id);
        }
        rows.set(id - 1, rows.get(id - 1).bumped());
        // The same list, changed in place: assigning it again marks the view for a render.
        socket.assign(ROWS, rows);
    }
}
