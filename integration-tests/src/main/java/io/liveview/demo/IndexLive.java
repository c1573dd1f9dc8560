package io.liveview.demo;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Session;
import io.liveview.core.Socket;

/** The demo's index: links to the other views. */
public final class IndexLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("LiveView demo");
    }
}
