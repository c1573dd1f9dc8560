package io.liveview.docs;

import io.liveview.core.ComponentSocket;
import java.util.Map;

/** The java samples of docs/components.md, verbatim (see {@link DocSamplesTest}); the view is {@link TableLive}. */
final class ComponentsSamples {

    private ComponentsSamples() {
    }

    record RowSelected(String id) {
    }

    /** Both lines compile on a component's socket; the second as well on the view's. */
    static void talk(ComponentSocket socket) {
        // in a component: the view's handleInfo receives the message
        socket.view().send(new RowSelected(socket.id()));

        // in the view (or another component): the row's update receives {"selected": true}
        socket.sendUpdate(TableLive.Row.class, "17", Map.of("selected", true));
    }
}
