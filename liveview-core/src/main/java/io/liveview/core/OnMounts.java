package io.liveview.core;

import java.util.List;

/** Runs a route group's {@link OnMount} hooks in order. */
final class OnMounts {

    private OnMounts() {
    }

    /** @return {@code true} if every hook let the mount go on */
    static boolean pass(List<OnMount> hooks, Params params, Session session, Socket socket) throws Exception {
        for (OnMount hook : hooks) {
            if (!hook.onMount(params, session, socket)) {
                return false;
            }
        }
        return true;
    }
}
