package io.liveview.demo;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Session;
import io.liveview.core.Socket;

/** The sign-in page: a plain form posting to {@code /login}, which sends the user back to {@code next}. */
public final class LoginLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("Sign in");
        socket.assign("next", params.get("next").orElse("/todo"));
        socket.assign("user", session.get("user").orElse(null));
        socket.assign("error", params.get("invalid").isPresent()
                ? "A name of 1 to " + SignIn.MAX_NAME + " characters, please" : null);
    }
}
