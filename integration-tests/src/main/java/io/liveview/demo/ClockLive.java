package io.liveview.demo;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** The server's time, ticking every second from a timer that starts once the page is live. */
public final class ClockLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("Clock");
        socket.assign("now", now());
    }

    @Override
    public void connected(Socket socket) {
        socket.every(Duration.ofSeconds(1), "tick");
    }

    @Override
    public void handleInfo(Object message, Socket socket) {
        socket.assign("now", now());
    }

    private static String now() {
        return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
