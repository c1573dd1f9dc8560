package io.liveview.demo;

import io.liveview.core.ComponentSocket;
import io.liveview.core.LiveComponent;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;

/**
 * A 1,000-row table built from row components: a row's button sends its bump to the row
 * ({@code lv:target="${myself}"}), which renders and is diffed alone; the view does not render.
 * Variants of the page: {@link TablePlainLive} (a plain list), {@link TableStreamLive} (a stream).
 */
public final class TableLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("Table");
        socket.assign("rows", TableRows.first(TableRows.COUNT));
    }

    /** One row of the table; its value is its own from the first render on. */
    public static final class Row implements LiveComponent {

        @Override
        public void handleEvent(String event, Payload payload, ComponentSocket socket) {
            if (!event.equals("bump")) {
                throw new UnknownEventException(event);
            }
            socket.update("row", (TableRows.Row row) -> row.bumped());
        }

        @Override
        public String template() {
            return "table-row";
        }
    }
}
