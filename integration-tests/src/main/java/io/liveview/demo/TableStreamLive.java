package io.liveview.demo;

import io.liveview.core.BadPayloadException;
import io.liveview.core.LiveStream;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;

/**
 * The 1,000-row table of {@link TableLive} as a stream: the view keeps each row's value (the
 * application's data, 4 KB) but none of the rows' markup, and a bump renders and sends that row
 * alone, which replaces its element on the page.
 */
public final class TableStreamLive implements LiveView {

    private static final LiveStream<TableRows.Row> ROWS = LiveStream.of("rows", row -> "row-" + row.id());

    private final int[] values = new int[TableRows.COUNT];

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("Table (stream)");
        socket.stream(ROWS, TableRows.first(TableRows.COUNT));
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        if (!event.equals("bump")) {
            throw new UnknownEventException(event);
        }
        int id = payload.getInt("id");
        if (id < 1 || id > values.length) {
            throw new BadPayloadException("no row " + id);
        }
        socket.streamInsert(ROWS, TableRows.row(id, ++values[id - 1]));
    }
}
