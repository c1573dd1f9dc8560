package io.liveview.core;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;

/**
 * An application's own Undertow, for tests of a mounted server: on a free port, a handler under a
 * path prefix and the application's own handler at every other path, which answers with its text and
 * the request's path.
 */
public final class HostApp implements AutoCloseable {

    private final Undertow undertow;

    /**
     * Starts it.
     *
     * @param prefix  where {@code mounted} goes, e.g. {@code /app}
     * @param mounted usually a {@link LiveViewServer#handler()}
     * @param own     what the application answers at its own paths, e.g. {@code "the app's own"}
     */
    public HostApp(String prefix, HttpHandler mounted, String own) {
        undertow = Undertow.builder()
                .addHttpListener(0, "localhost")
                .setHandler(Handlers.path(exchange -> exchange.getResponseSender().send(own + " " + exchange.getRequestPath()))
                        .addPrefixPath(prefix, mounted))
                .build();
        undertow.start();
    }

    /** @return the port it listens on */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
