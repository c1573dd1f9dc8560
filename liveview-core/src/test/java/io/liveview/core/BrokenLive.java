package io.liveview.core;

/** A view whose first render fails: for the 500 page. */
public final class BrokenLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
        throw new IllegalStateException("secret detail that must not reach the browser");
    }
}
