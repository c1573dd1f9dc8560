package io.liveview.it;

import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;

/** Pages through numbers: the page is in the URL; "next" moves on with pushPatch, "leave" patches to another route. */
public final class PagedLive implements LiveView {

    private int mounts;
    private int page;

    @Override
    public void mount(Params params, Session session, Socket socket) {
        mounts++;
        socket.assign("mounts", mounts);
    }

    @Override
    public void handleParams(Params params, Socket socket) {
        page = params.get("page").isPresent() ? params.getInt("page") : 1; // not a number: 404
        socket.assign("page", page).pageTitle("Page " + page);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "next" -> socket.pushPatch("/paged?page=" + (page + 1));
            case "leave" -> socket.pushPatch("/counter");
            default -> throw new UnknownEventException(event);
        }
    }
}
