package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.OnMount;
import io.liveview.core.Params;
import io.liveview.core.Session;
import io.liveview.core.Socket;

/** A page for signed-in users only, behind {@link #REQUIRE_USER}. */
public final class MembersLive implements LiveView {

    /** Sends a visitor without a user in the session to the sign-in page, and back afterwards. */
    static final OnMount REQUIRE_USER = (params, session, socket) -> {
        if (session.get("user").isEmpty()) {
            socket.redirect("/sign-in?next=" + params.path());
            return false;
        }
        socket.assign("user", session.get("user").get());
        return true;
    };

    @Override
    public void mount(Params params, Session session, Socket socket) {
    }
}
