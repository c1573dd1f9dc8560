package io.liveview.demo;

import io.liveview.core.Assign;
import io.liveview.core.LiveView;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.core.UnknownEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Contacts added through a dialog that opens and closes in the browser alone (JS commands): the view
 * hears only the form's events, checks the address as it is typed and keeps the list.
 */
public final class DialogLive implements LiveView {

    /**
     * One saved contact.
     *
     * @param name  as typed
     * @param email as typed, unique in the list (case aside)
     */
    public record Contact(String name, String email) {
    }

    private static final Assign<List<Contact>> CONTACTS = Assign.of("contacts");
    private static final Assign<String> ERROR = Assign.of("error");

    private final List<Contact> contacts = new ArrayList<>();

    @Override
    public void mount(Params params, Session session, Socket socket) {
        socket.pageTitle("Contacts");
        socket.assign(CONTACTS, contacts);
        socket.assign(ERROR, null);
    }

    @Override
    public void handleEvent(String event, Payload payload, Socket socket) {
        String name = payload.get("name").orElse("").strip();
        String email = payload.get("email").orElse("").strip();
        switch (event) {
            case "validate" -> socket.assign(ERROR, known(email) ? email + " is in your contacts already" : null);
            case "save" -> {
                // The browser checks the fields are filled in, and the dialog closed as it sent this.
                if (!name.isEmpty() && !email.isEmpty() && !known(email)) {
                    contacts.add(new Contact(name, email));
                    socket.assign(CONTACTS, contacts);
                }
                socket.assign(ERROR, null);
            }
            default -> throw new UnknownEventException(event);
        }
    }

    private boolean known(String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return contacts.stream().anyMatch(c -> c.email().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
