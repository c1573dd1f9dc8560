package io.liveview.docs;

import io.liveview.core.ComponentSocket;
import io.liveview.core.LiveComponent;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.demo.TableRows;

/** The first java sample of docs/components.md, verbatim (see {@link DocSamplesTest}). */
public final class TableLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("rows", TableRows.first(1_000));
    }

    /** One row of the table; its value is its own from the first render on. */
    public static final class Row implements LiveComponent {

        @Override
        public void handleEvent(String event, Payload payload, ComponentSocket socket) {
            socket.update("row", (TableRows.Row row) -> row.bumped());
        }

        @Override
        public String template() {
            return "table-row";
        }
    }
}
