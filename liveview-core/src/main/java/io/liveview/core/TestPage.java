package io.liveview.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveview.diff.Html;
import io.liveview.diff.PatchApplier;
import io.liveview.diff.PatchCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * One live view as a browser page shows it, opened by {@link LiveViewTest#live}: a real view process
 * on an in-memory socket, whose replies and pushes are applied to a jsoup copy of the view's root
 * as they arrive, the way the browser client applies them.
 *
 * <p>Drive it as a user would: {@link #click}, {@link #submit}, {@link #change}; or as the rest of
 * the application would: {@link #send} a message. A binding that holds {@linkplain JS JS commands}
 * sends its {@code push} commands in order; the others change only a browser's DOM and are skipped. Each returns once the view has answered, with the
 * answer applied. An action the page could not send fails the test with an {@link AssertionError}:
 * no element, or several, match the selector, or the element carries no such binding, or a field
 * does not exist. A view that refuses an event, crashes or fails to mount fails it with a
 * {@link LiveViewTest.ViewError}. Every such message shows the view's current HTML.
 *
 * <p>Read it with {@link #text}, {@link #texts}, {@link #has}, {@link #element}, {@link #html},
 * {@link #title} and {@link #redirectedTo}. What timers, async tasks and other views' broadcasts
 * change arrives on its own: {@link #sync} waits for what the view has already been sent,
 * {@link #awaitText} for what comes later.
 *
 * <p>Not thread-safe: drive a page from one test thread.
 */
public final class TestPage implements AutoCloseable {

    /** The longest a view may take to answer; longer means a callback is stuck. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    /** How much of the view's HTML a failure message shows. */
    private static final int SHOWN_HTML = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A frame waiting for its reply. */
    private record Pending(String kind, CompletableFuture<JsonNode> reply) {
    }

    private final LiveViewTest app;
    private final Session session;
    private final String path;
    // The URL the page shows: its path at first, then where lv-patch links and pushPatch took it.
    private String url;
    private final String viewId;
    private final String token;
    private final String csrf;
    private final Connection connection;
    private int lastRef; // the test thread's

    // Guarded by this: the view's thread applies frames, the test thread reads.
    private final Element root;
    private final Map<String, Pending> pending = new HashMap<>();
    private String joinRef; // the join whose mount the page shows; null while none does
    private String title;
    private String redirect;
    private boolean redirectLive; // the page may follow the redirect without a full load
    private String redirectFlash; // the signed flash that goes with the redirect, as the lv_flash cookie
    private final List<PushedEvent> pushedEvents = new ArrayList<>();
    private String crash; // an error push not yet reported to the test
    private Throwable crashCause;
    private String gone; // why the page can no longer be driven
    private AssertionError broken; // a frame the page could not apply

    TestPage(LiveViewTest app, LiveViewServer server, Session session, String path, Element root, String csrf) {
        this.app = app;
        this.session = session;
        this.path = path;
        this.url = path;
        this.viewId = root.id();
        this.token = root.attr("data-lv-token");
        this.csrf = csrf;
        this.root = root;
        this.connection = server.connect(new Wire(), session.id(), "");
    }

    /**
     * Joins the view as the page's script does after loading; a refusal closes the page.
     *
     * @throws LiveViewTest.Redirected if the view or a mount hook sends the page elsewhere
     * @throws LiveViewTest.ViewError  if the join is refused or the mount fails
     */
    void join() {
        JsonNode reply = join(true, "join of " + path);
        if (isOk(reply)) {
            return;
        }
        disconnect("its join was refused");
        if (reply.path("reason").asText().equals("redirect")) {
            throw new LiveViewTest.Redirected(path, reply.path("to").asText());
        }
        throw viewError("join of " + path, reply);
    }

    // ---- driving ----

    /**
     * Clicks an element: sends the {@code lv-click} event of the element, or of the nearest element
     * around it that has one, with that element's {@code lv-value-*} attributes, as the browser does.
     * A click on an {@code lv-patch} link patches the view ({@link #patch}); one on an
     * {@code lv-navigate} link sends the page there ({@link #redirectedTo}, {@link #follow}).
     *
     * @param selector a CSS selector matching exactly one element of the view
     * @return this page, with the view's answer applied
     */
    public TestPage click(String selector) {
        String what = "click on '" + selector + "'";
        ensureLive(what);
        ObjectNode payload;
        String patchHref = null;
        synchronized (this) {
            Element clicked = one(selector, what);
            Element bound = clicked.closest("[lv-click]");
            Element link = clicked.closest("a[lv-patch], a[lv-navigate]");
            if (bound == null && link != null && link.hasAttr("lv-navigate")) {
                redirect = link.attr("href");
                redirectLive = true;
                return this;
            } else if (bound == null && link != null) {
                patchHref = link.attr("href");
                payload = null;
            } else if (bound == null) {
                Element form = clicked.closest("form[lv-submit]");
                throw failure(what + ": neither the element nor one around it has lv-click or is an lv-patch or lv-navigate link"
                        + (form == null ? "" : "; to send its form's lv-submit, use submit(formSelector, values)"));
            } else if (bound.hasAttr("disabled")) {
                throw failure(what + ": the element is disabled, so a click sends nothing");
            } else {
                payload = binding(bound, "click", "lv-click");
            }
        }
        if (patchHref != null) {
            return patch(patchHref);
        }
        event(what, payload);
        return this;
    }

    /**
     * Moves the view to another URL of its route, as an {@code lv-patch} link or the back button
     * does: {@link LiveView#handleParams} runs with the URL's parameters and the page shows the result.
     *
     * @param url a path of the view's route with its query, e.g. {@code /todo?filter=active}
     * @return this page, with the view's answer applied
     * @throws LiveViewTest.ViewError if the URL is not one of this view's ({@code other_view}); the
     *                                browser would load it instead
     */
    public TestPage patch(String url) {
        String what = "patch to '" + url + "'";
        ensureLive(what);
        JsonNode reply = request(Frame.PATCH, Frame.object().put("url", "http://localhost" + url), what);
        if (!isOk(reply)) {
            throw viewError(what, reply);
        }
        synchronized (this) {
            if (redirect == null) {
                this.url = url;
            }
        }
        reportProblems();
        return this;
    }

    /**
     * @return the URL the page shows: the path it was opened with, then where {@code lv-patch} links,
     *     {@link #patch} and the view's {@link Socket#pushPatch} took it
     */
    public synchronized String currentUrl() {
        return url;
    }

    /**
     * Presses a key in an element: sends the {@code lv-keydown} event of the element, or of the
     * nearest element around it that has one, with {@code key}, the field's rendered value and the
     * {@code lv-value-*} attributes, as the browser does.
     *
     * @param selector a CSS selector matching exactly one element of the view (the focused one)
     * @param key      the key as the DOM names it: {@code "Enter"}, {@code "Escape"}, {@code "a"}
     * @return this page, with the view's answer applied
     */
    public TestPage keydown(String selector, String key) {
        return key("keydown", selector, key);
    }

    /**
     * Releases a key in an element: the {@code lv-keyup} counterpart of {@link #keydown}.
     *
     * @param selector a CSS selector matching exactly one element of the view (the focused one)
     * @param key      the key as the DOM names it
     * @return this page, with the view's answer applied
     */
    public TestPage keyup(String selector, String key) {
        return key("keyup", selector, key);
    }

    /**
     * Moves the focus to an element: sends its {@code lv-focus} event.
     *
     * @param selector a CSS selector matching exactly one element of the view with {@code lv-focus}
     * @return this page, with the view's answer applied
     */
    public TestPage focus(String selector) {
        return focusChange("focus", selector);
    }

    /**
     * Takes the focus from an element: sends its {@code lv-blur} event.
     *
     * @param selector a CSS selector matching exactly one element of the view with {@code lv-blur}
     * @return this page, with the view's answer applied
     */
    public TestPage blur(String selector) {
        return focusChange("blur", selector);
    }

    private TestPage key(String type, String selector, String key) {
        String what = type + " of '" + key + "' in '" + selector + "'";
        ensureLive(what);
        ObjectNode payload;
        synchronized (this) {
            Element bound = one(selector, what).closest("[lv-" + type + "]");
            if (bound == null) {
                throw failure(what + ": neither the element nor one around it has lv-" + type);
            }
            String only = bound.attr("lv-key-filter");
            if (!only.isEmpty() && !only.equals(key)) {
                throw failure(what + ": its lv-key-filter lets only '" + only + "' through, so the page sends nothing");
            }
            payload = binding(bound, type, "lv-" + type);
            ObjectNode value = (ObjectNode) payload.get("value");
            value.put("key", key);
            String fieldValue = FormFields.scriptValue(bound);
            if (fieldValue != null) {
                value.put("value", fieldValue);
            }
        }
        event(what, payload);
        return this;
    }

    private TestPage focusChange(String type, String selector) {
        String what = type + " of '" + selector + "'";
        ensureLive(what);
        ObjectNode payload;
        synchronized (this) {
            Element element = one(selector, what);
            if (!element.hasAttr("lv-" + type)) {
                throw failure(what + ": the element has no lv-" + type);
            }
            payload = binding(element, type, "lv-" + type);
        }
        event(what, payload);
        return this;
    }

    /** The event a bound element sends: its binding's name and its {@code lv-value-*} attributes. */
    private ObjectNode binding(Element bound, String type, String attribute) {
        ObjectNode value = Frame.object();
        bound.attributes().forEach(a -> {
            if (a.getKey().startsWith("lv-value-")) {
                value.put(a.getKey().substring("lv-value-".length()), a.getValue());
            }
        });
        return aimed(bound, Frame.object().put("type", type).put("event", bound.attr(attribute)).set("value", value));
    }

    /**
     * An element's {@code lv-target} sends its events to a component, as the browser client does:
     * the component's number ({@code lv:target="${myself}"}), or a selector of an element in it.
     */
    private ObjectNode aimed(Element bound, ObjectNode payload) {
        String target = bound.attr("lv-target");
        if (target.matches("\\d{1,9}")) {
            payload.put("cid", Integer.parseInt(target));
        } else if (!target.isEmpty()) {
            Element found = root.selectFirst(target);
            Element component = found == null ? null : found.closest("[" + Components.ATTRIBUTE + "]");
            if (component != null) {
                payload.put("cid", Integer.parseInt(component.attr(Components.ATTRIBUTE)));
            }
        }
        return payload;
    }

    /**
     * Submits a form with the fields it renders.
     *
     * @param formSelector a CSS selector matching exactly one {@code form} with {@code lv-submit}
     * @return this page, with the view's answer applied
     */
    public TestPage submit(String formSelector) {
        return submit(formSelector, Map.of());
    }

    /**
     * Fills in a form and submits it: sends its {@code lv-submit} event with the fields as the
     * rendered form holds them and the given ones as if a user had entered them. Each named field
     * must be one a user could change to that value.
     *
     * @param formSelector a CSS selector matching exactly one {@code form} with {@code lv-submit}
     * @param values       field name to value; a checkbox or radio named here is checked
     * @return this page, with the view's answer applied
     */
    public TestPage submit(String formSelector, Map<String, String> values) {
        String what = "submit of '" + formSelector + "'";
        formEvent(what, formSelector, "submit", values, null);
        return this;
    }

    /**
     * Enters a value in one field of a form: sends its {@code lv-change} event with the form's fields
     * and {@code target}, as the browser does on each input.
     *
     * @param formSelector a CSS selector matching exactly one {@code form} with {@code lv-change}
     * @param field        the name of the field the user changes
     * @param value        its new value
     * @return this page, with the view's answer applied
     */
    public TestPage change(String formSelector, String field, String value) {
        String what = "change of '" + field + "' in '" + formSelector + "'";
        formEvent(what, formSelector, "change", Map.of(field, value), field);
        return this;
    }

    /**
     * Sends the view a message, as any code holding its {@link ViewRef} could, and waits until
     * {@link LiveView#handleInfo} has run and its changes are applied.
     *
     * @param message what {@code handleInfo} receives
     * @return this page
     */
    public TestPage send(Object message) {
        Objects.requireNonNull(message, "message");
        String what = "send(" + message + ")";
        ensureLive(what);
        ViewRef self = settle(what);
        if (self == null) {
            throw failure(what + ": no view is mounted");
        }
        self.send(message);
        settle(what);
        reportProblems();
        return this;
    }

    /**
     * Waits until the view has handled everything sent to it so far (messages, broadcasts it hears,
     * timers that fired) and the changes are applied. It does not wait for what has not arrived yet,
     * such as an async task still running: {@link #awaitText} does.
     *
     * @return this page
     */
    public TestPage sync() {
        ensureLive("sync()");
        settle("sync()");
        reportProblems();
        return this;
    }

    /**
     * Waits until an element matching the selector contains the text, as pushes arrive.
     *
     * @param selector a CSS selector
     * @param text     the text the element's text should contain
     * @param timeout  how long to wait before failing
     * @return this page
     */
    public TestPage awaitText(String selector, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (this) {
                if (crash == null && broken == null) {
                    if (root.select(selector).stream().anyMatch(e -> e.text().contains(text))) {
                        return this;
                    }
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw failure("waited " + timeout.toMillis() + " ms for '" + selector + "' to contain '" + text
                                + "'; it holds " + root.select(selector).eachText());
                    }
                    waitForFrames(left);
                    continue;
                }
            }
            reportProblems();
        }
    }

    /**
     * Opens the page a redirect named, in the same session, and closes this one, as the browser
     * loads the new page; the flash the view put before it sent the page away shows there.
     *
     * @return the page of the redirect's target
     * @throws AssertionError if the view sent the page nowhere, or the target is no live route
     */
    public TestPage follow() {
        String to;
        String flash;
        synchronized (this) {
            to = redirect;
            flash = redirectFlash;
        }
        if (to == null) {
            throw failure("follow(): the view sent the page nowhere");
        }
        close();
        return app.live(to, session, app.server().tokens().verifyFlash(flash, session.id()));
    }

    /**
     * Leaves the view (it terminates) and closes the page's socket. {@link LiveViewTest#close()}
     * closes every page still open.
     */
    @Override
    public void close() {
        boolean joined;
        synchronized (this) {
            joined = gone == null && joinRef != null;
        }
        if (joined) {
            request(Frame.LEAVE, Frame.object(), "leave");
        }
        disconnect("the page is closed");
    }

    // ---- reading ----

    /**
     * @return the view's HTML as the page now shows it: the inner HTML of its root
     */
    public String html() {
        reportProblems();
        synchronized (this) {
            return Html.innerHtml(root);
        }
    }

    /**
     * @param selector a CSS selector matching exactly one element of the view
     * @return a copy of the element
     */
    public Element element(String selector) {
        reportProblems();
        synchronized (this) {
            return one(selector, "element('" + selector + "')").clone();
        }
    }

    /**
     * @param selector a CSS selector matching exactly one element of the view
     * @return its text, whitespace normalised as jsoup's {@link Element#text()} does
     */
    public String text(String selector) {
        reportProblems();
        synchronized (this) {
            return one(selector, "text('" + selector + "')").text();
        }
    }

    /**
     * @param selector a CSS selector
     * @return the text of each element of the view it matches, in document order (none: empty)
     */
    public List<String> texts(String selector) {
        reportProblems();
        synchronized (this) {
            return root.select(selector).eachText();
        }
    }

    /**
     * @param selector a CSS selector
     * @return whether any element of the view matches it
     */
    public boolean has(String selector) {
        reportProblems();
        synchronized (this) {
            return !root.select(selector).isEmpty();
        }
    }

    /**
     * @return the page's title: what the view set with {@link Socket#pageTitle}, else the server's
     */
    public synchronized String title() {
        return title;
    }

    /**
     * @return where the view sent the page from an event or a message ({@link Socket#redirect},
     *     {@link Socket#pushNavigate}), or where an {@code lv-navigate} link took it, or {@code null};
     *     such a page takes no more actions, {@link #follow()} opens the target
     */
    public synchronized String redirectedTo() {
        return redirect;
    }

    /**
     * @return whether the page was sent elsewhere by a live navigation ({@link Socket#pushNavigate},
     *     an {@code lv-navigate} link), which the browser follows over its socket without a full
     *     load, rather than by {@link Socket#redirect}
     */
    public synchronized boolean navigated() {
        return redirect != null && redirectLive;
    }

    /**
     * @return the flash the view shows, kind to message, as core's {@code liveview/flash} fragment
     *     renders it ({@code data-lv-flash}); empty when it shows none
     */
    public synchronized Map<String, String> flash() {
        Map<String, String> flash = new LinkedHashMap<>();
        root.select("[data-lv-flash]").forEach(e -> flash.put(e.attr("data-lv-flash"), e.text()));
        return flash;
    }

    /**
     * An event the view sent the page's hooks with {@link Socket#pushEvent}.
     *
     * @param name    its name
     * @param payload its payload as JSON text, e.g. {@code {"color":"red"}}
     */
    public record PushedEvent(String name, String payload) {
    }

    /**
     * @return the events the view pushed to the page's hooks so far, oldest first
     */
    public synchronized List<PushedEvent> pushedEvents() {
        return List.copyOf(pushedEvents);
    }

    /**
     * Sends an event as a hook's {@code this.pushEvent(name, value)} does: the element must carry
     * {@code lv-hook}.
     *
     * @param selector a CSS selector matching exactly one element of the view with {@code lv-hook}
     * @param name     the event's name
     * @param values   its values
     * @return this page, with the view's answer applied
     */
    public TestPage hookEvent(String selector, String name, Map<String, String> values) {
        String what = "hook event '" + name + "' from '" + selector + "'";
        ensureLive(what);
        synchronized (this) {
            if (!one(selector, what).hasAttr("lv-hook")) {
                throw failure(what + ": the element has no lv-hook, so no hook of the page can send it");
            }
        }
        ObjectNode value = Frame.object();
        values.forEach(value::put);
        event(what, Frame.object().put("type", "hook").put("event", name).set("value", value));
        return this;
    }

    // ---- the socket ----

    private void formEvent(String what, String formSelector, String type, Map<String, String> values, String target) {
        ensureLive(what);
        String binding = "lv-" + type;
        ObjectNode payload;
        synchronized (this) {
            Element form = one(formSelector, what);
            if (!form.nameIs("form")) {
                throw failure(what + ": the element is a <" + form.tagName() + ">, not a form");
            }
            if (!form.hasAttr(binding)) {
                throw failure(what + ": the form has no " + binding);
            }
            try {
                payload = aimed(form, Frame.object().put("type", type).put("event", form.attr(binding))
                        .set("value", FormFields.values(form, values)));
            } catch (IllegalArgumentException e) {
                throw failure(what + ": " + e.getMessage());
            }
        }
        if (target != null) {
            payload.put("target", target);
        }
        event(what, payload);
    }

    /**
     * Sends an event, or for a binding of JS commands each of its pushes in order (the other
     * commands act on the browser's DOM alone); an error reply fails the test, after the page
     * rejoined a crashed view.
     */
    private void event(String what, ObjectNode payload) {
        for (ObjectNode sent : pushes(what, payload)) {
            JsonNode reply = request(Frame.EVENT, sent, what);
            if (!isOk(reply)) {
                if (reply.path("reason").asText().equals("handler_crashed")) {
                    awaitCrashPush(what);
                    throw crashed(what);
                }
                throw viewError(what, reply);
            }
            reportProblems();
        }
    }

    /**
     * The events a binding sends: itself, or if its value is a list of JS commands, one per push,
     * named by it and with its value over the binding's, as the browser client sends them.
     */
    private List<ObjectNode> pushes(String what, ObjectNode payload) {
        String binding = payload.path("event").asText();
        if (!binding.startsWith("[")) {
            return List.of(payload);
        }
        JsonNode commands;
        try {
            commands = JSON.readTree(binding);
        } catch (IOException e) {
            throw failure(what + ": the binding starts with '[' but is not a JSON list of JS commands: " + binding);
        }
        List<ObjectNode> pushes = new ArrayList<>();
        for (JsonNode command : commands) {
            String name = command.path(0).asText();
            if (!JS.COMMANDS.contains(name)) {
                throw failure(what + ": the binding has an unknown JS command '" + name + "' (the browser reports it): " + binding);
            }
            if (name.equals("push")) {
                ObjectNode push = payload.deepCopy();
                push.put("event", command.path(1).path("event").asText());
                if (command.path(1).path("value") instanceof ObjectNode value) {
                    ((ObjectNode) push.get("value")).setAll(value);
                }
                pushes.add(push);
            }
        }
        return pushes;
    }

    /** Joins as the page's script does: {@code pristine} while the root shows the first render. */
    private JsonNode join(boolean pristine, String what) {
        return request(Frame.JOIN, Frame.object().put("token", token).put("csrf", csrf)
                .put("url", "http://localhost" + currentUrl()).put("pristine", pristine), what);
    }

    /** Sends a frame of the page's view and waits for its reply, which the wire has applied. */
    private JsonNode request(String kind, ObjectNode payload, String what) {
        String ref = String.valueOf(++lastRef);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        synchronized (this) {
            pending.put(ref, new Pending(kind, reply));
        }
        connection.receive(new Frame(ref, viewId, kind, payload).encode());
        return await(reply, what + ": no reply within " + ANSWER_WAIT.toSeconds() + " s; is a callback of the view stuck?");
    }

    /** Waits until the view's mailbox has run what came before, with its pushes applied. */
    private ViewRef settle(String what) {
        return await(connection.settle(viewId), what + ": the view did not get through its mailbox within "
                + ANSWER_WAIT.toSeconds() + " s; is a callback stuck?");
    }

    private <T> T await(CompletableFuture<T> future, String timeoutMessage) {
        try {
            return future.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failure(timeoutMessage);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the view", e);
        }
    }

    /** The crash's {@code error} push follows its reply; it must be in before the page rejoins. */
    private void awaitCrashPush(String what) {
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        synchronized (this) {
            while (crash == null) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw failure(what + ": the view crashed, but no error push followed");
                }
                waitForFrames(left);
            }
        }
    }

    private void waitForFrames(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the view", e);
        }
    }

    /** Fails if the page cannot be driven, or the view failed since the test last looked. */
    private void ensureLive(String what) {
        reportProblems();
        synchronized (this) {
            if (redirect != null) {
                throw failure(what + ": the view already sent the page to " + redirect + " (follow() opens it)");
            }
            if (gone != null) {
                throw failure(what + ": " + gone);
            }
        }
    }

    /** Reports, once, a crash the page learnt of from a push, and a frame it could not apply. */
    private void reportProblems() {
        boolean crashed;
        synchronized (this) {
            if (broken != null) {
                throw broken;
            }
            crashed = crash != null;
        }
        if (crashed) {
            throw crashed("the view");
        }
    }

    /** The failure for a crash, after the page rejoined the view, mounting it afresh, as the client does. */
    private LiveViewTest.ViewError crashed(String what) {
        String message;
        Throwable cause;
        synchronized (this) {
            message = crash;
            cause = crashCause;
            crash = null;
            crashCause = null;
        }
        JsonNode rejoin = join(false, "rejoin after a crash");
        String after = isOk(rejoin) ? "the page rejoined it, mounted afresh"
                : "its rejoin was refused with " + rejoin.path("reason").asText() + ": " + rejoin.path("message").asText();
        if (!isOk(rejoin)) {
            disconnect("the view crashed and " + after);
        }
        return new LiveViewTest.ViewError("handler_crashed",
                withHtml(what + ": the view crashed: " + message + "; " + after), cause);
    }

    private LiveViewTest.ViewError viewError(String what, JsonNode reply) {
        String reason = reply.path("reason").asText();
        Throwable cause;
        synchronized (this) {
            cause = crashCause; // set when the mount failed
            crashCause = null;
        }
        return new LiveViewTest.ViewError(reason,
                withHtml(what + ": the view answered " + reason + ": " + reply.path("message").asText()), cause);
    }

    private void disconnect(String why) {
        synchronized (this) {
            if (gone == null) {
                gone = why;
            }
            joinRef = null;
        }
        connection.closed();
    }

    private Element one(String selector, String what) {
        Elements found = root.select(selector);
        if (found.isEmpty()) {
            throw failure(what + ": no element of the view matches the selector");
        }
        if (found.size() > 1) {
            throw failure(what + ": " + found.size() + " elements of the view match the selector; it must match one");
        }
        return found.first();
    }

    private AssertionError failure(String message) {
        return new AssertionError(withHtml(message));
    }

    private synchronized String withHtml(String message) {
        String html = root.html();
        if (html.length() > SHOWN_HTML) {
            html = html.substring(0, SHOWN_HTML) + "\n…(" + (html.length() - SHOWN_HTML) + " more characters)";
        }
        return message + "\nThe view's HTML (" + path + "):\n" + html;
    }

    private static boolean isOk(JsonNode reply) {
        return reply.path("status").asText("ok").equals("ok");
    }

    /** Applies what the server sends, in the order it sends it, as the browser client does. */
    private final class Wire implements Connection.Transport {

        @Override
        public void send(String text) {
            synchronized (TestPage.this) {
                try {
                    receive(JSON.readTree(text));
                } catch (IOException | RuntimeException e) {
                    broken = new AssertionError(withHtml("the page could not apply a frame from the server: " + e.getMessage()
                            + "\nThe frame: " + text), e);
                }
                TestPage.this.notifyAll();
            }
        }

        @Override
        public void close(int code, String reason) {
            synchronized (TestPage.this) {
                if (gone == null) {
                    gone = "the server closed the page's socket (" + code + " " + reason + ")";
                }
                joinRef = null;
                TestPage.this.notifyAll();
            }
            connection.closed();
        }

        @Override
        public void crashed(String id, Throwable cause) {
            synchronized (TestPage.this) {
                crashCause = cause;
            }
        }

        private void receive(JsonNode frame) {
            String kind = frame.path(2).asText();
            JsonNode payload = frame.path(3);
            if (kind.equals(Frame.REPLY)) {
                Pending asked = pending.remove(frame.path(0).asText());
                if (asked == null) {
                    return; // a heartbeat's
                }
                if (isOk(payload)) {
                    if (asked.kind().equals(Frame.JOIN)) {
                        joinRef = frame.path(0).asText(); // before any push of this mount can arrive
                        if (payload.hasNonNull("html")) {
                            root.empty().appendChildren(Html.parseFragment(payload.get("html").asText()).childNodesCopy());
                        }
                    }
                    show(payload);
                }
                asked.reply().complete(payload);
            } else if (joinRef == null || !joinRef.equals(payload.path("join").asText())) {
                // A push of a mount the page no longer shows: dropped, as the client drops it.
            } else if (kind.equals(Frame.DIFF)) {
                show(payload);
            } else if (kind.equals(Frame.REDIRECT)) {
                sentAway(payload.path("to").asText(), payload);
            } else if (kind.equals(Frame.ERROR)) {
                crash = payload.path("message").asText();
                joinRef = null;
            }
        }

        private void sentAway(String to, JsonNode payload) {
            redirect = to;
            redirectLive = payload.path("live").asBoolean();
            redirectFlash = payload.path("flash").asText(null);
        }

        private void show(JsonNode payload) {
            if (payload.hasNonNull("patch")) {
                PatchApplier.apply(PatchCodec.fromJson(payload.get("patch")), root);
            }
            for (var part : payload.path("c").properties()) {
                Element component = root.selectFirst("[" + Components.ATTRIBUTE + "=\"" + part.getKey() + "\"]");
                if (component == null) {
                    throw new IllegalArgumentException("no component " + part.getKey() + " on the page for its patch");
                }
                PatchApplier.applyToElement(PatchCodec.fromJson(part.getValue()), component);
            }
            if (payload.hasNonNull("title")) {
                title = payload.get("title").asText();
            }
            if (payload.hasNonNull("redirect")) {
                sentAway(payload.get("redirect").asText(), payload);
            }
            if (payload.hasNonNull("url")) {
                url = payload.get("url").asText();
            }
            for (JsonNode event : payload.path("events")) {
                pushedEvents.add(new PushedEvent(event.path(0).asText(), event.path(1).toString()));
            }
        }
    }
}
