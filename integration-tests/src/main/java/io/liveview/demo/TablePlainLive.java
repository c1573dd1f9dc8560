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
 * The 1,000-row table of {@link TableLive} as a plain {@code th:each} over a list: each bump
 * renders the whole template and diffs it, which the load generator measures beside the row
 * components and the stream.
 */
public final class TablePlainLive implements LiveView {

    private static final Assign<List<TableRows.Row>> ROWS = Assign.of("rows");

    private final List<TableRows.Row> rows = new ArrayList<>(TableRows.first(TableRows.COUNT));

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("Table (plain list)");
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
