package io.liveview.core;

/** Shows core's flash fragment; "save" flashes and goes elsewhere, "go" flashes and navigates live, "note" only flashes. */
public final class FlashLive implements LiveView {

    @Override
    public void mount(Params params, Session session, Socket socket) {
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        switch (event) {
            case "save" -> socket.putFlash("info", "Saved").redirect("/flash");
            case "go" -> socket.putFlash("info", "Moved").pushNavigate("/flash?from=go");
            case "note" -> socket.putFlash("error", "Careful");
            default -> throw new UnknownEventException(event);
        }
    }
}
