package io.liveview.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode's settings, fixed at start: whether it is on, and the source folders templates are read
 * from before the class path. Off unless the builder or {@value #ENV} turns it on.
 *
 * @param on        whether dev mode is on
 * @param templates the existing template folders, first match wins; empty when off
 */
record DevMode(boolean on, List<Path> templates) {

    /** The environment variable that turns dev mode on ({@code 1} or {@code true}) when the builder says nothing. */
    static final String ENV = "LIVEVIEW_DEV";
    /** Where a Maven project keeps its templates, relative to the working directory. */
    static final Path MAVEN_TEMPLATES = Path.of("src", "main", "resources", "templates");

    static final DevMode OFF = new DevMode(false, List.of());

    private static final Logger LOG = LoggerFactory.getLogger(DevMode.class);

    /**
     * @param setting what the builder said, or {@code null} if it said nothing
     * @param env     the value of {@value #ENV}, or {@code null}
     */
    static boolean enabled(Boolean setting, String env) {
        if (setting != null) {
            return setting;
        }
        String value = env == null ? "" : env.strip().toLowerCase(Locale.ROOT);
        return value.equals("1") || value.equals("true");
    }

    /**
     * Dev mode as the builder and the environment say, with the template folders that exist.
     *
     * @param folders the builder's folders, or {@code null} for {@link #MAVEN_TEMPLATES}
     */
    static DevMode resolve(Boolean setting, List<Path> folders) {
        if (!enabled(setting, System.getenv(ENV))) {
            return OFF;
        }
        List<Path> existing = new ArrayList<>();
        for (Path folder : folders == null ? List.of(MAVEN_TEMPLATES) : folders) {
            if (Files.isDirectory(folder)) {
                existing.add(folder.toAbsolutePath().normalize());
            } else if (folders != null) {
                LOG.warn("dev mode: template folder {} does not exist; its templates come from the class path", folder.toAbsolutePath());
            }
        }
        // Loud on purpose: dev mode shows exception details to every visitor.
        LOG.warn("DEV MODE IS ON: templates are read from {} on every render, open pages follow template edits,"
                + " and error pages show exception details. Never run a production server like this.",
                existing.isEmpty() ? "the class path" : existing);
        return new DevMode(true, List.copyOf(existing));
    }

    /** The {@code static} folders next to the template folders, for static files served fresh. */
    List<Path> staticFolders() {
        return templates.stream().map(folder -> folder.resolveSibling("static")).filter(Files::isDirectory).toList();
    }
}
