package io.liveview.core;

/** The README's counter, rendering the benchmark's copy of its template. */
public final class BenchCounterLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("count", 0);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "inc" -> socket.update("count", (Integer n) -> n + 1);
            case "dec" -> socket.update("count", (Integer n) -> n - 1);
            default -> throw new UnknownEventException(event);
        }
    }

    @Override
    public String template() {
        return "bench/counter";
    }
}
