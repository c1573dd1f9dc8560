package io.liveview.docs;

import io.liveview.core.LiveView;
import io.liveview.core.LiveViewServer;
import io.liveview.core.OnMount;
import io.liveview.core.Params;
import io.liveview.core.Payload;
import io.liveview.core.Session;
import io.liveview.core.Socket;
import io.liveview.demo.TodoStore;
import java.util.Map;

/**
 * The {@code java} samples of {@code docs/routing.md}, verbatim, in the context that makes them
 * compile (see {@link DocSamplesTest}).
 */
@SuppressWarnings("unused")
final class RoutingSamples {

    // Context for the samples, not part of them: the application's views, store and types.
    static class StubView implements LiveView {
        public void mount(Params params, Session session, Socket socket) {}
    }
    static final class IndexLive extends StubView {}
    static final class TodoLive extends StubView {}
    static final class NewTodoLive extends StubView {}
    static final class TodoItemLive extends StubView {}
    static final class LoginLive extends StubView {}
    record Todo(int id, String title) {}
    record NewTodo(String title) {}
    interface Todos {
        Todo find(int id);
        Todo add(String title);
        Todo add(NewTodo todo);
    }
    Todos todos;

    // routing.md sample 1: routes.
    void routes() {
        LiveViewServer.builder()
            .live("/", IndexLive::new)
            .live("/todo", TodoLive::new)
            .live("/todo/new", NewTodoLive::new)     // a literal path wins over a template that matches it
            .live("/todo/{id}", TodoItemLive::new)   // {id} matches any one non-empty segment
            .start();
    }

    // routing.md sample 2: a view's mount.
    static final class ParamsView implements LiveView {
        public void mount(Params params, Session session, Socket socket) {
            int id = params.getInt("id");                      // /todo/42 -> 42
            String tab = params.get("tab").orElse("details");  // /todo/42?tab=history -> "history"
        }
    }

    // routing.md sample 3: endpoints.
    void endpoints() {
        LiveViewServer.builder()
            .live("/todo", TodoLive::new)
            .get("/health", (request, response) -> response.json(Map.of("status", "up")))
            .get("/api/todo/{id}", (request, response) -> response.json(todos.find(request.params().getInt("id"))))
            .post("/todo", (request, response) -> {
                todos.add(request.form().require("title"));   // an HTML form's field
                response.redirect("/todo");                     // 303, so a reload does not post again
            })
            .post("/api/todo", (request, response) -> response.status(201).json(todos.add(request.json(NewTodo.class))))
            .start();
    }

    // routing.md sample 4: a step of a builder chain.
    void login() {
        LiveViewServer.builder() // context for the sample, not part of it
            .post("/login", (request, response) -> {
                String name = request.form().require("name");
                // renewed(): a new id on sign-in, so an id planted before is worth nothing after
                response.session(request.session().renewed().with("user", name)).redirect("/todo");
            })
        ; // context for the sample, not part of it
    }

    // routing.md sample 5: a view's mount.
    static final class SessionView implements LiveView {
        public void mount(Params params, Session session, Socket socket) {
            socket.assign("user", session.get("user").orElse("guest"));
        }
    }

    // routing.md sample 6: a hook for a group of routes.
    void group() {
        OnMount requireUser = (params, session, socket) -> {
            if (session.get("user").isEmpty()) {
                socket.redirect("/login?next=" + params.path());
                return false;
            }
            socket.assign("user", session.get("user").get());
            return true;
        };

        LiveViewServer.builder()
            .live("/login", LoginLive::new)        // a form posting name, next and _csrf to /login
            .post("/login", (request, response) -> response
                .session(request.session().renewed().with("user", request.form().require("name")))
                .redirect(request.form().get("next").orElse("/")))   // foreign targets become "/"
            .group(requireUser, signedIn -> signedIn
                .live("/todo", TodoLive::new)
                .live("/todo/{id}", TodoItemLive::new));
    }

    // routing.md sample 7: a step of a builder chain.
    void logout() {
        LiveViewServer.builder() // context for the sample, not part of it
            .post("/logout", (request, response) -> response.endSession().redirect("/login"))
        ; // context for the sample, not part of it
    }

    // routing.md sample 8: a view's event handler.
    abstract static class RenameView implements LiveView {
        // Context for the sample, not part of it: what the view was given or mounted with.
        TodoStore store;
        String user;
        int id;

        public void handleEvent(String event, Payload payload, Socket socket) {
            store.rename(user, id, payload.require("title"));
            socket.redirect("/todo");   // back to the list
        }
    }
}
