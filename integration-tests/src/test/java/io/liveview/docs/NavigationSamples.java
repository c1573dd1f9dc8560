package io.liveview.docs;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Socket;
import java.util.List;

/**
 * The {@code java} sample of {@code docs/navigation.md}, verbatim, in the context that makes it
 * compile (see {@link DocSamplesTest}).
 */
@SuppressWarnings("unused")
final class NavigationSamples {

    // navigation.md sample 1: a view's handleParams.
    abstract static class FilteredView implements LiveView {
        // Context for the sample, not part of it: the view's state and its render.
        String filter;

        abstract void show(Socket socket);

        @Override
        public void handleParams(Params params, Socket socket) {
            filter = params.get("filter").filter(List.of("all", "active", "done")::contains).orElse("all");
            show(socket);
        }
    }
}
