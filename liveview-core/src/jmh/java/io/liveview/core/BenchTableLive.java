package io.liveview.core;

/**
 * The 1,000-row table page of {@link BenchPages} as a live view: each mount builds its own rows,
 * as a view that loads them from a database would.
 */
public final class BenchTableLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("rows", BenchPages.rows());
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        throw new UnknownEventException(event);
    }

    @Override
    public String template() {
        return "bench/table";
    }
}
