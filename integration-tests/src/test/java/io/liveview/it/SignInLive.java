package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Session;
import io.liveview.core.Socket;

/** A sign-in page: a plain form that posts to the {@code /sign-in} endpoint, and back to {@code next}. */
public final class SignInLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.assign("next", params.get("next").orElse("/"));
    }
}
