package io.liveview.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What a form sends with {@code lv-submit} and {@code lv-change}, for {@link TestPage}: its fields as
 * the browser's {@code FormData} collects them from the rendered form (no submitter), with the values
 * a test types in place of theirs. A value no user could enter is refused: a field the form lacks, a
 * disabled, hidden or read-only one changed, a choice a select, radio or checkbox does not offer.
 */
final class FormFields {

    private static final Set<String> BUTTON_TYPES = Set.of("submit", "reset", "button", "image");

    private FormFields() {
    }

    /**
     * @param form  a rendered {@code form}
     * @param typed field name to the value the user enters
     * @return the event's {@code value}: name to string, or to an array for a name sent more than once
     * @throws IllegalArgumentException naming the value no user could enter, and why
     */
    static ObjectNode values(Element form, Map<String, String> typed) {
        List<Element> fields = form.select("input, select, textarea").stream()
                .filter(field -> !field.attr("name").isEmpty() && !isButton(field))
                .toList();
        typed.forEach((name, value) -> check(fields, name, value));
        List<String[]> entries = new ArrayList<>();
        Set<String> typedDone = new LinkedHashSet<>();
        for (Element field : fields) {
            String name = field.attr("name");
            if (typed.containsKey(name)) {
                if (typedDone.add(name)) {
                    entries.add(new String[] {name, typed.get(name)});
                }
            } else if (!disabled(field)) {
                current(field).forEach(value -> entries.add(new String[] {name, value}));
            }
        }
        return json(entries);
    }

    /** Whether a user could enter this value in the form's fields of this name. */
    private static void check(List<Element> fields, String name, String value) {
        List<Element> named = fields.stream().filter(field -> field.attr("name").equals(name)).toList();
        if (named.isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            fields.forEach(field -> names.add(field.attr("name")));
            throw new IllegalArgumentException("the form has no field '" + name + "' (its fields: " + String.join(", ", names) + ")");
        }
        Element field = named.get(0);
        if (named.stream().allMatch(FormFields::disabled)) {
            throw new IllegalArgumentException("field '" + name + "' is disabled: a user cannot change it");
        }
        String type = type(field);
        List<String> current = current(field);
        boolean unchanged = current.size() == 1 && current.get(0).equals(value);
        if (type.equals("hidden") && !unchanged) {
            throw new IllegalArgumentException("field '" + name + "' is hidden: a user cannot change it from '" + String.join(",", current) + "'");
        }
        if (field.hasAttr("readonly") && !unchanged && !type.equals("checkbox") && !type.equals("radio")) {
            throw new IllegalArgumentException("field '" + name + "' is read-only: a user cannot change it");
        }
        List<String> choices = switch (type) {
            case "select" -> field.select("option").stream().map(FormFields::optionValue).toList();
            case "radio", "checkbox" -> named.stream().map(FormFields::boxValue).toList();
            default -> null;
        };
        if (choices != null && !choices.contains(value)) {
            throw new IllegalArgumentException("field '" + name + "' offers no '" + value + "' (it offers " + choices + ")");
        }
    }

    /**
     * A field's value as a script reads it ({@code el.value}), for key events: a box's value whether
     * checked or not, a select's first selected option.
     *
     * @return the value, or {@code null} if the element is not a form field
     */
    static String scriptValue(Element field) {
        if (field.nameIs("input") && Set.of("checkbox", "radio").contains(type(field))) {
            return boxValue(field);
        }
        if (field.nameIs("input") || field.nameIs("textarea") || field.nameIs("select")) {
            return current(field).stream().findFirst().orElse("");
        }
        return null;
    }

    /** What a field sends as rendered: nothing for an unchecked box, each selected option of a select. */
    private static List<String> current(Element field) {
        if (field.nameIs("select")) {
            List<String> selected = field.select("option[selected]").stream().map(FormFields::optionValue).toList();
            Element first = field.selectFirst("option");
            // A single select with nothing marked selected shows, and sends, its first option.
            return selected.isEmpty() && !field.hasAttr("multiple") && first != null ? List.of(optionValue(first)) : selected;
        }
        if (field.nameIs("textarea")) {
            return List.of(field.wholeText());
        }
        return switch (type(field)) {
            case "checkbox", "radio" -> field.hasAttr("checked") ? List.of(boxValue(field)) : List.of();
            case "file" -> List.of(""); // the client sends a file's name; a rendered form has none chosen
            default -> List.of(field.attr("value"));
        };
    }

    private static ObjectNode json(List<String[]> entries) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        for (String[] entry : entries) {
            if (!value.has(entry[0])) {
                value.put(entry[0], entry[1]);
            } else if (value.get(entry[0]) instanceof ArrayNode values) {
                values.add(entry[1]);
            } else {
                String first = value.get(entry[0]).asText();
                value.putArray(entry[0]).add(first).add(entry[1]);
            }
        }
        return value;
    }

    private static boolean disabled(Element field) {
        if (field.hasAttr("disabled")) {
            return true;
        }
        for (Element parent = field.parent(); parent != null && !parent.nameIs("form"); parent = parent.parent()) {
            if (parent.nameIs("fieldset") && parent.hasAttr("disabled")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isButton(Element field) {
        return field.nameIs("input") && BUTTON_TYPES.contains(type(field));
    }

    private static String type(Element field) {
        return field.nameIs("input") ? field.attr("type").toLowerCase(Locale.ROOT) : field.tagName();
    }

    private static String boxValue(Element box) {
        return box.hasAttr("value") ? box.attr("value") : "on";
    }

    private static String optionValue(Element option) {
        return option.hasAttr("value") ? option.attr("value") : option.text();
    }
}
