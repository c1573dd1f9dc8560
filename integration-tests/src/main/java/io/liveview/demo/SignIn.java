package io.liveview.demo;

import io.liveview.core.OnMount;
import io.liveview.core.Request;
import io.liveview.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The demo's sign-in: a name is enough (no password), kept in the session. */
final class SignIn {

    /** Longest name accepted. */
    static final int MAX_NAME = 40;

    /** Lets signed-in users through (with {@code user} assigned), sends everyone else to {@code /login}. */
    static final OnMount REQUIRE_USER = (params, session, socket) -> {
        var user = session.get("user");
        if (user.isEmpty()) {
            socket.redirect("/login?next=" + URLEncoder.encode(params.path(), StandardCharsets.UTF_8).replace("%2F", "/"));
            return false;
        }
        socket.assign("user", user.get());
        return true;
    };

    private SignIn() {
    }

    /** {@code POST /login}: a new session id with the user's name, then back to {@code next}. */
    static void signIn(Request request, Response response) {
        String name = request.form().get("name").orElse("").strip();
        String next = request.form().get("next").filter(n -> !n.isBlank()).orElse("/todo");
        if (name.isEmpty() || name.length() > MAX_NAME) {
            response.redirect("/login?invalid&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        // Foreign targets in next become "/": Response.redirect follows only paths of this site.
        response.session(request.session().renewed().with("user", name)).putFlash("info", "Welcome, " + name).redirect(next);
    }

    /** {@code POST /logout}: ends the session and disconnects its live pages everywhere. */
    static void signOut(Request request, Response response) {
        response.endSession().putFlash("info", "Signed out").redirect("/login");
    }
}
