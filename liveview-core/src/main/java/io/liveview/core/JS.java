package io.liveview.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * JS commands: what a binding does in the browser without asking the server (show, hide, toggle,
 * classes, attributes, focus, a DOM event) and the events it pushes, in order. Immutable: each
 * method returns a new list with one more command. {@link #toString()} is the JSON list the client
 * runs, so an instance is the value of a binding: {@code lv:click="${#js.show('#dialog').focus('#name')}"}
 * in a template (the dialect's {@code #js} is {@link #js()}), or
 * {@code "lv-click", JS.js().hide("#dialog").push("save")} rendered any other way.
 *
 * <p>{@code to} is a CSS selector over the whole document; the methods without one, or given
 * {@code null}, act on the element that carries the binding. What show, hide, toggle and the class
 * and attribute commands set stays set when the server patches the element (docs/bindings.md,
 * "JS commands").
 */
public final class JS {

    /** Every command the client knows, as the JSON names it. */
    static final Set<String> COMMANDS = Set.of("show", "hide", "toggle", "add_class", "remove_class", "toggle_class",
            "set_attr", "remove_attr", "focus", "dispatch", "push");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JS EMPTY = new JS(List.of());

    private final List<List<Object>> commands;

    private JS(List<List<Object>> commands) {
        this.commands = commands;
    }

    /**
     * @return no commands yet: the start of every list, e.g. {@code js().show("#menu")}
     */
    public static JS js() {
        return EMPTY;
    }

    /**
     * Shows the bound element: the display its stylesheet gives it, or {@code block} if that is none.
     *
     * @return these commands and this one
     */
    public JS show() {
        return show(null);
    }

    /**
     * Shows elements: the display their stylesheet gives them, or {@code block} if that is none
     * (they are hidden by a class or the {@code hidden} attribute).
     *
     * @param to a CSS selector, or {@code null} for the bound element
     * @return these commands and this one
     */
    public JS show(String to) {
        return show(to, null);
    }

    /**
     * Shows elements with the given display.
     *
     * @param to      a CSS selector, or {@code null} for the bound element
     * @param display a CSS display, e.g. {@code "flex"}; {@code null} as in {@link #show(String)}
     * @return these commands and this one
     */
    public JS show(String to, String display) {
        return with("show", to, "display", display);
    }

    /**
     * Hides the bound element ({@code display: none}).
     *
     * @return these commands and this one
     */
    public JS hide() {
        return hide(null);
    }

    /**
     * Hides elements ({@code display: none}).
     *
     * @param to a CSS selector, or {@code null} for the bound element
     * @return these commands and this one
     */
    public JS hide(String to) {
        return with("hide", to);
    }

    /**
     * Hides the bound element if it is shown, else shows it.
     *
     * @return these commands and this one
     */
    public JS toggle() {
        return toggle(null);
    }

    /**
     * Hides each element that is shown, shows each that is hidden.
     *
     * @param to a CSS selector, or {@code null} for the bound element
     * @return these commands and this one
     */
    public JS toggle(String to) {
        return toggle(to, null);
    }

    /**
     * Hides each element that is shown, shows each that is hidden with the given display.
     *
     * @param to      a CSS selector, or {@code null} for the bound element
     * @param display the CSS display when shown; {@code null} as in {@link #show(String)}
     * @return these commands and this one
     */
    public JS toggle(String to, String display) {
        return with("toggle", to, "display", display);
    }

    /**
     * Adds classes to the bound element.
     *
     * @param names class names, separated by spaces
     * @return these commands and this one
     */
    public JS addClass(String names) {
        return addClass(null, names);
    }

    /**
     * Adds classes to elements.
     *
     * @param to    a CSS selector, or {@code null} for the bound element
     * @param names class names, separated by spaces
     * @return these commands and this one
     */
    public JS addClass(String to, String names) {
        return with("add_class", to, "names", Objects.requireNonNull(names, "names"));
    }

    /**
     * Removes classes from the bound element.
     *
     * @param names class names, separated by spaces
     * @return these commands and this one
     */
    public JS removeClass(String names) {
        return removeClass(null, names);
    }

    /**
     * Removes classes from elements.
     *
     * @param to    a CSS selector, or {@code null} for the bound element
     * @param names class names, separated by spaces
     * @return these commands and this one
     */
    public JS removeClass(String to, String names) {
        return with("remove_class", to, "names", Objects.requireNonNull(names, "names"));
    }

    /**
     * Adds each class the bound element lacks, removes each it has.
     *
     * @param names class names, separated by spaces
     * @return these commands and this one
     */
    public JS toggleClass(String names) {
        return toggleClass(null, names);
    }

    /**
     * Adds each class an element lacks, removes each it has.
     *
     * @param to    a CSS selector, or {@code null} for the bound element
     * @param names class names, separated by spaces
     * @return these commands and this one
     */
    public JS toggleClass(String to, String names) {
        return with("toggle_class", to, "names", Objects.requireNonNull(names, "names"));
    }

    /**
     * Sets an attribute of the bound element.
     *
     * @param name  the attribute's name, e.g. {@code "aria-expanded"}
     * @param value its value
     * @return these commands and this one
     */
    public JS setAttr(String name, String value) {
        return setAttr(null, name, value);
    }

    /**
     * Sets an attribute of elements.
     *
     * @param to    a CSS selector, or {@code null} for the bound element
     * @param name  the attribute's name
     * @param value its value
     * @return these commands and this one
     */
    public JS setAttr(String to, String name, String value) {
        return with("set_attr", to, "name", Objects.requireNonNull(name, "name"), "value", Objects.requireNonNull(value, "value"));
    }

    /**
     * Removes an attribute of the bound element.
     *
     * @param name the attribute's name
     * @return these commands and this one
     */
    public JS removeAttr(String name) {
        return removeAttr(null, name);
    }

    /**
     * Removes an attribute of elements.
     *
     * @param to   a CSS selector, or {@code null} for the bound element
     * @param name the attribute's name
     * @return these commands and this one
     */
    public JS removeAttr(String to, String name) {
        return with("remove_attr", to, "name", Objects.requireNonNull(name, "name"));
    }

    /**
     * Moves the focus to the bound element.
     *
     * @return these commands and this one
     */
    public JS focus() {
        return focus(null);
    }

    /**
     * Moves the focus to an element (the last one, if the selector matches several).
     *
     * @param to a CSS selector, or {@code null} for the bound element
     * @return these commands and this one
     */
    public JS focus(String to) {
        return with("focus", to);
    }

    /**
     * Dispatches a bubbling {@code CustomEvent} on the bound element, e.g. for a hook or the page's
     * own script to hear.
     *
     * @param event the DOM event's type
     * @return these commands and this one
     */
    public JS dispatch(String event) {
        return dispatch(null, event);
    }

    /**
     * Dispatches a bubbling {@code CustomEvent} on elements.
     *
     * @param to    a CSS selector, or {@code null} for the bound element
     * @param event the DOM event's type
     * @return these commands and this one
     */
    public JS dispatch(String to, String event) {
        return dispatch(to, event, null);
    }

    /**
     * Dispatches a bubbling {@code CustomEvent} with a {@code detail} on elements.
     *
     * @param to     a CSS selector, or {@code null} for the bound element
     * @param event  the DOM event's type
     * @param detail the event's {@code detail}, any value Jackson writes; {@code null} for none
     * @return these commands and this one
     */
    public JS dispatch(String to, String event, Map<String, ?> detail) {
        return with("dispatch", to, "event", Objects.requireNonNull(event, "event"), "detail", copy(detail));
    }

    /**
     * Sends an event to the view, as the binding would with that name: with the element's
     * {@code lv-value-*} (and for a form, its fields), loading class, rate limit and reply.
     *
     * @param event the event's name, what {@link LiveView#handleEvent} receives
     * @return these commands and this one
     */
    public JS push(String event) {
        return push(event, null);
    }

    /**
     * Sends an event to the view with values of its own, given over those the binding sends.
     *
     * @param event the event's name
     * @param value values for {@link Payload#get}, over the binding's; {@code null} for none
     * @return these commands and this one
     */
    public JS push(String event, Map<String, ?> value) {
        return with("push", null, "event", Objects.requireNonNull(event, "event"), "value", copy(value));
    }

    /**
     * @return the commands as the JSON list the client runs, e.g.
     *     {@code [["show",{"to":"#dialog"}],["push",{"event":"open"}]]}
     */
    @Override
    public String toString() {
        try {
            return JSON.writeValueAsString(commands);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a value of these JS commands cannot be written as JSON", e);
        }
    }

    /** Equal to another list of the same commands with the same arguments. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JS js && commands.equals(js.commands);
    }

    @Override
    public int hashCode() {
        return commands.hashCode();
    }

    /** A map as it is now, so a caller's later changes do not reach these commands. */
    private static Map<String, ?> copy(Map<String, ?> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** These commands and one more, whose arguments are {@code to} and name-value pairs; nulls are left out. */
    private JS with(String command, String to, Object... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (to != null) {
            arguments.put("to", to);
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        List<List<Object>> more = new ArrayList<>(commands);
        more.add(List.of(command, Collections.unmodifiableMap(arguments)));
        return new JS(List.copyOf(more));
    }
}
