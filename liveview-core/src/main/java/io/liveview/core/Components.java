package io.liveview.core;

import io.liveview.diff.Differ;
import io.liveview.diff.Op;
import io.liveview.diff.Patch;
import io.liveview.diff.Snapshot;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link LiveComponent}s of one view instance, and how they render.
 *
 * <p>A template that places a component renders a placeholder instead, an empty element of the
 * same tag with only {@code lv-cid="n"}: so the view's retained render (and any component's)
 * holds none of its components' markup, and its diff never looks into them. Each component
 * renders alone and keeps its own {@link Snapshot}; a round renders only the components whose
 * assigns changed, owners before what they place (a component's number is always higher than its
 * owner's). Markup going to the page (a first render, a join, an op inserting or replacing HTML)
 * gets each placeholder replaced by the component's whole render, and a component sent whole
 * that way sends no patch in the same round.
 *
 * <p>Used on the view's thread only.
 */
final class Components {

    /** The template variable through which {@code lv:component} reaches the registry. */
    static final String VARIABLE = "lvComponents";
    static final String ATTRIBUTE = "lv-cid";

    private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z][a-z0-9-]*) lv-cid=\"(\\d+)\"></\\1>");
    private static final Map<List<Object>, Class<?>> TYPES = new ConcurrentHashMap<>();
    private static final int MAX_UPDATE_PASSES = 16;

    private record Key(Class<?> type, String id) {
        @Override
        public String toString() {
            return type.getSimpleName() + " '" + id + "'";
        }
    }

    private record Update(Key key, Map<String, Object> assigns) {}

    /** One placed component. */
    private static final class Instance {
        final int cid;
        final Key key;
        final Instance owner; // null: the view
        String tag;
        LiveComponent component;
        ComponentSocket socket;
        Map<String, Object> passed; // what the owner passed last
        Map<String, Object> incoming; // what the owner's render in progress passes
        List<Instance> children = List.of();
        Snapshot snapshot; // what the page shows, or null: the next render goes whole
        String whole; // this round's render, for the markup that places it

        Instance(int cid, Key key, Instance owner, String tag) {
            this.cid = cid;
            this.key = key;
            this.owner = owner;
            this.tag = tag;
        }
    }

    /** An owner's template render in progress: what it places. */
    private record Placing(Instance owner, Class<?> scope, List<Instance> placed, Set<Key> keys) {}

    private final Socket view;
    private final Map<Integer, Instance> byCid = new HashMap<>();
    private final Map<Key, Instance> byKey = new HashMap<>();
    private final TreeSet<Integer> dirty = new TreeSet<>();
    private List<Instance> viewChildren = List.of();
    private List<Update> updates = List.of();
    private Placing placing;
    private Class<?> viewClass = Object.class;
    private int nextCid = 1;

    Components(Socket view) {
        this.view = view;
    }

    Socket view() {
        return view;
    }

    /** A component assigned something: it renders in this round. */
    void changed(int cid) {
        dirty.add(cid);
    }

    void sendUpdate(Class<? extends LiveComponent> type, String id, Map<String, ?> assigns) {
        if (updates.isEmpty()) {
            updates = new ArrayList<>();
        }
        updates.add(new Update(new Key(Objects.requireNonNull(type, "type"), Objects.requireNonNull(id, "id")),
                new LinkedHashMap<>(assigns)));
    }

    /**
     * Runs the {@link #sendUpdate}s queued since the last round.
     *
     * @return the components named that are not on the page, for a warning
     */
    List<String> applyUpdates() throws Exception {
        List<String> missing = List.of();
        // An update may send updates in turn: they run now too, a bounded number of times.
        for (int pass = 0; pass < MAX_UPDATE_PASSES && !updates.isEmpty(); pass++) {
            List<Update> queued = updates;
            updates = List.of();
            for (Update update : queued) {
                Instance instance = byKey.get(update.key());
                if (instance == null || instance.component == null) {
                    if (missing.isEmpty()) {
                        missing = new ArrayList<>();
                    }
                    missing.add(update.key().toString());
                } else {
                    instance.component.update(update.assigns(), instance.socket);
                }
            }
        }
        return missing;
    }

    /**
     * Handles an event sent to a component.
     *
     * @return {@code false} if the page names a component it no longer has
     */
    boolean handleEvent(int cid, String event, Payload payload) throws Exception {
        Instance instance = byCid.get(cid);
        if (instance == null || instance.component == null) {
            return false;
        }
        instance.component.handleEvent(event, payload, instance.socket);
        return true;
    }

    /**
     * Renders the view's template; its components are placed (mounted, updated, dropped) but not
     * rendered, see {@link #renderComponents}.
     */
    String renderView(Renderer renderer, LiveView liveView, String base) throws Exception {
        viewClass = liveView.getClass();
        Rendered rendered = renderPlacing(renderer, null, viewClass, liveView.template(), view.assigns(), base);
        viewChildren = place(viewChildren, rendered.placed());
        return rendered.html();
    }

    /**
     * Called by {@code lv:component} while a template renders: the placeholder's number.
     *
     * @param name    the component's class name, as the template gives it
     * @param id      its id
     * @param passed  the values passed, {@code id} included
     * @param tag     the placeholder's tag, which its root must have
     */
    int place(String name, String id, Map<String, Object> passed, String tag) {
        if (placing == null) {
            throw new IllegalStateException("lv:component is only for the templates of live views and components");
        }
        Key key = new Key(type(name, placing.scope()), id);
        if (!placing.keys().add(key)) {
            throw new IllegalStateException("component " + key + " is placed twice; ids are unique per component class");
        }
        Instance instance = byKey.get(key);
        if (instance == null) {
            instance = new Instance(nextCid++, key, placing.owner(), tag);
            byKey.put(key, instance);
            byCid.put(instance.cid, instance);
        } else if (instance.owner != placing.owner()) {
            throw new IllegalStateException("component " + key + " is placed by two templates");
        } else if (!instance.tag.equals(tag)) {
            instance.tag = tag;
            instance.snapshot = null; // its root changes tag: the owner's patch replaces it whole
            dirty.add(instance.cid);
        }
        // Kept until the next render to compare with: compact when it can be (no null values).
        instance.incoming = passed.containsValue(null) ? passed : Map.copyOf(passed);
        placing.placed().add(instance);
        return instance.cid;
    }

    /**
     * Renders every component that changed, owners first. A component the page shows is diffed
     * against its snapshot; one it does not yet show is kept whole for the markup placing it.
     *
     * @param differ diffs and keeps snapshots; {@code null} for the first HTTP render, which keeps none
     * @param meters times each render and diff, as the view's own
     * @return the patches of the components the page shows, by number
     */
    Map<Integer, Patch> renderComponents(Renderer renderer, String base, Differ differ, Metrics.Route meters)
            throws Exception {
        Map<Integer, Patch> patches = Map.of();
        for (Integer cid = dirty.pollFirst(); cid != null; cid = dirty.pollFirst()) {
            Instance instance = byCid.get(cid);
            if (instance == null) {
                continue; // dropped by its owner's render in this round
            }
            long start = meters.start();
            String html = render(renderer, instance, base);
            meters.rendered(start);
            if (differ == null || instance.snapshot == null) {
                instance.whole = html;
                instance.snapshot = differ == null ? null : Snapshot.ofElement(html);
            } else {
                start = meters.start();
                Differ.Result result = differ.diff(instance.snapshot, html);
                meters.diffed(start);
                instance.snapshot = result.next();
                if (!result.patch().isEmpty()) {
                    if (patches.isEmpty()) {
                        patches = new HashMap<>();
                    }
                    patches.put(cid, result.patch());
                }
            }
        }
        return patches;
    }

    /**
     * The whole of a template's render for a page that gets everything: the components that
     * changed (after {@link #forgetPage}, all) render, and fill their placeholders.
     *
     * @param differ keeps the snapshots later renders are diffed against; {@code null} for the
     *     first HTTP render, which keeps none
     */
    String whole(String html, Renderer renderer, String base, Differ differ, Metrics.Route meters) throws Exception {
        if (isEmpty()) {
            return html;
        }
        renderComponents(renderer, base, differ, meters);
        String whole = expand(html, new HashSet<>());
        roundDone();
        return whole;
    }

    /**
     * Replaces the placeholders of {@code html} with their components' whole renders.
     *
     * @param sent collects the numbers of the components sent whole
     */
    String expand(String html, Set<Integer> sent) {
        if (!html.contains(" lv-cid=\"")) {
            return html;
        }
        Matcher m = PLACEHOLDER.matcher(html);
        StringBuilder out = new StringBuilder(html.length() * 2);
        int from = 0;
        while (m.find()) {
            Instance instance = byCid.get(Integer.parseInt(m.group(2)));
            if (instance == null) {
                continue; // not a placeholder of ours: markup the template wrote
            }
            String whole = instance.whole != null ? instance.whole : instance.snapshot.html();
            int rootEnd = whole.indexOf('>') + 1; // the root may look like a placeholder itself
            out.append(html, from, m.start()).append(whole, 0, rootEnd).append(expand(whole.substring(rootEnd), sent));
            sent.add(instance.cid);
            from = m.end();
        }
        return out.append(html, from, html.length()).toString();
    }

    /** {@link #expand} for the markup a patch inserts. */
    Patch expand(Patch patch, Set<Integer> sent) {
        if (byCid.isEmpty() || patch.isEmpty()) {
            return patch;
        }
        List<Op> ops = new ArrayList<>(patch.ops().size());
        for (Op op : patch.ops()) {
            ops.add(switch (op) {
                case Op.Insert(var path, var index, var html) -> new Op.Insert(path, index, expand(html, sent));
                case Op.Replace(var path, var html) -> new Op.Replace(path, expand(html, sent));
                case Op.ReplaceChildren(var path, var html) -> new Op.ReplaceChildren(path, expand(html, sent));
                default -> op;
            });
        }
        return new Patch(ops);
    }

    /** The round's markup went out: whole renders are not kept. */
    void roundDone() {
        for (Instance instance : byCid.values()) {
            instance.whole = null;
        }
    }

    /** The page will get everything anew (a join, a resume): nothing it showed is known. */
    void forgetPage() {
        for (Instance instance : byCid.values()) {
            instance.snapshot = null;
            dirty.add(instance.cid);
        }
    }

    /** Templates were saved (dev mode): every component renders again, diffed. */
    void renderAll() {
        dirty.addAll(byCid.keySet());
    }

    /** Whether a component changed or was sent an update since the last round. */
    boolean pending() {
        return !dirty.isEmpty() || !updates.isEmpty();
    }

    /** Whether any component is placed. */
    boolean isEmpty() {
        return byCid.isEmpty();
    }

    private String render(Renderer renderer, Instance instance, String base) throws Exception {
        LiveComponent component = instance.component;
        Rendered rendered = renderPlacing(renderer, instance, component.getClass(), component.template(),
                instance.socket.assigns(), base);
        instance.children = place(instance.children, rendered.placed());
        return stamp(rendered.html(), instance);
    }

    private record Rendered(String html, List<Instance> placed) {}

    private Rendered renderPlacing(Renderer renderer, Instance owner, Class<?> scope, String template,
                                   Map<String, Object> assigns, String base) {
        Placing outer = placing;
        Placing mine = new Placing(owner, scope, new ArrayList<>(), new HashSet<>());
        placing = mine;
        try {
            return new Rendered(renderer.render(template, assigns, base, this), mine.placed());
        } finally {
            placing = outer;
        }
    }

    /**
     * After an owner's render: what it no longer places is dropped, what it places anew is
     * mounted, and what it passes new values is updated.
     *
     * @return the owner's children now
     */
    private List<Instance> place(List<Instance> before, List<Instance> placed) throws Exception {
        if (!before.isEmpty()) {
            Set<Instance> kept = Collections.newSetFromMap(new IdentityHashMap<>());
            kept.addAll(placed);
            for (Instance old : before) {
                if (!kept.contains(old)) {
                    drop(old);
                }
            }
        }
        for (Instance instance : placed) {
            Map<String, Object> incoming = instance.incoming;
            instance.incoming = null;
            if (instance.component == null) {
                instance.component = instantiate(instance.key.type());
                instance.socket = new ComponentSocket(this, instance.cid, instance.key.id());
                instance.passed = incoming;
                dirty.add(instance.cid);
                instance.component.mount(instance.socket);
                instance.component.update(incoming, instance.socket);
            } else if (!incoming.equals(instance.passed)) {
                instance.passed = incoming;
                instance.component.update(incoming, instance.socket);
            }
        }
        return placed.isEmpty() ? List.of() : placed;
    }

    private void drop(Instance instance) {
        byCid.remove(instance.cid);
        byKey.remove(instance.key);
        dirty.remove(instance.cid);
        for (Instance child : instance.children) {
            drop(child);
        }
    }

    /** Its template's root, of the placeholder's tag, carries the component's number. */
    private static String stamp(String html, Instance instance) {
        String s = html.strip();
        String tag = instance.tag;
        int end = tag.length() + 1;
        boolean fits = s.length() > end && s.charAt(0) == '<' && s.regionMatches(true, 1, tag, 0, tag.length())
                && (Character.isWhitespace(s.charAt(end)) || s.charAt(end) == '>' || s.charAt(end) == '/');
        if (!fits) {
            String start = s.length() > 60 ? s.substring(0, 60) + "..." : s;
            throw new IllegalStateException("component " + instance.key + " is placed on a <" + tag
                    + ">, so its template " + instance.component.template() + " renders one <" + tag
                    + "> element, not: " + start);
        }
        return "<" + tag + " " + ATTRIBUTE + "=\"" + instance.cid + "\"" + s.substring(end);
    }

    private Class<?> type(String name, Class<?> scope) {
        return TYPES.computeIfAbsent(List.of(scope, viewClass, name), k -> resolve(name, scope));
    }

    private Class<?> resolve(String name, Class<?> scope) {
        String nested = name.replace('.', '$');
        List<String> tried = new ArrayList<>();
        for (Class<?> around : scope == viewClass ? List.of(scope) : List.of(scope, viewClass)) {
            for (Class<?> c = around; c != null; c = c.getEnclosingClass()) {
                tried.add(c.getName() + "$" + nested);
            }
            tried.add(around.getPackageName() + "." + nested);
        }
        tried.add(name);
        for (String candidate : tried) {
            try {
                Class<?> type = Class.forName(candidate, false, scope.getClassLoader());
                if (!LiveComponent.class.isAssignableFrom(type)) {
                    throw new IllegalStateException("lv:component=\"" + name + "\": " + type.getName() + " is not a LiveComponent");
                }
                return type;
            } catch (ClassNotFoundException e) {
                // the next candidate
            }
        }
        throw new IllegalStateException("lv:component=\"" + name + "\": no such class; tried " + String.join(", ", tried));
    }

    private static LiveComponent instantiate(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return (LiveComponent) constructor.newInstance();
    }
}
