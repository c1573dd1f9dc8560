package io.liveview.core;

/**
 * A hook that runs before the mount of every view of a route group (see
 * {@link LiveViewServer.Builder#group}), on the first render and on the socket's join alike: it may
 * assign (the current user) or halt, e.g. to send a visitor who is not signed in to the sign-in page.
 *
 * <pre>{@code
 * OnMount requireUser = (params, session, socket) -> {
 *     Optional<String> user = session.get("user");
 *     if (user.isEmpty()) {
 *         socket.redirect("/login?next=" + params.path());
 *         return false;
 *     }
 *     socket.assign("user", user.get());
 *     return true;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface OnMount {

    /**
     * @return {@code true} to go on to the next hook and the view's mount; {@code false} to halt:
     *     the page goes to the {@link Socket#redirect} target if one was set, else it is refused (403)
     * @throws Exception any failure counts as a failed mount
     */
    boolean onMount(Params params, Session session, Socket socket) throws Exception;
}
