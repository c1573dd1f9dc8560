package io.liveview.docs;

import io.liveview.core.JS;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Session;
import io.liveview.core.Socket;

/**
 * The {@code java} sample of {@code docs/bindings.md}, verbatim, in the context that makes it
 * compile (see {@link DocSamplesTest}).
 */
@SuppressWarnings("unused")
final class BindingsSamples {

    // bindings.md sample 1: a view assigns JS commands for its template.
    abstract static class MenuView implements LiveView {
        @Override
        public void mount(Params params, Session session, Socket socket) {
            socket.assign("openMenu", JS.js().show("#menu", "flex").setAttr("#menu-button", "aria-expanded", "true"));
        }
    }
}
