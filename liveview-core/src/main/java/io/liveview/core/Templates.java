package io.liveview.core;

import java.util.Locale;

/** Derives template names from view classes. */
final class Templates {

    // Every render of a view asks: derived once per class (the regex cost about 2% of a counter event).
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String name = type.getSimpleName();
            if (name.endsWith("Live") && name.length() > 4) {
                name = name.substring(0, name.length() - 4);
            }
            return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    };

    private Templates() {
    }

    /** {@code CounterLive} gives {@code counter}, {@code TodoListLive} gives {@code todo-list}. */
    static String defaultName(Class<?> viewClass) {
        return NAMES.get(viewClass);
    }
}
