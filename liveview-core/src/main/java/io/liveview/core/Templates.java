package io.liveview.core;

import java.util.Locale;

/** Derives template names from view classes. */
final class Templates {

    private Templates() {
    }

    /** {@code CounterLive} gives {@code counter}, {@code TodoListLive} gives {@code todo-list}. */
    static String defaultName(Class<?> viewClass) {
        String name = viewClass.getSimpleName();
        if (name.endsWith("Live") && name.length() > 4) {
            name = name.substring(0, name.length() - 4);
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
