package io.liveview.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode: watches template folders, subfolders included, on one daemon thread and reports the
 * names of the templates saved ({@code todo/item} for {@code todo/item.html}). Events are gathered
 * until the folders have been quiet for {@value #QUIET_MILLIS} ms, so an editor's save (often a
 * write, a rename and a touch) is reported once, after the file is complete.
 */
final class TemplateWatcher implements AutoCloseable {

    static final String THREAD_NAME = "lv-dev-templates";
    static final long QUIET_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(TemplateWatcher.class);
    private static final String SUFFIX = ".html";

    private final WatchService watcher;
    /** Each watched folder, and the template folder its names are relative to. */
    private final Map<WatchKey, Watched> keys = new HashMap<>();
    private final Consumer<Set<String>> onChange;
    private final Thread thread;

    private record Watched(Path folder, Path root) {
    }

    /**
     * Starts watching.
     *
     * @param roots    the template folders
     * @param onChange gets the names of the templates saved since the last call; an empty set when
     *                 the system lost track of events (too many at once), so anything may have changed
     */
    TemplateWatcher(List<Path> roots, Consumer<Set<String>> onChange) {
        this.onChange = onChange;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            for (Path root : roots) {
                watchTree(root, root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("dev mode could not watch the template folders " + roots, e);
        }
        this.thread = Thread.ofPlatform().name(THREAD_NAME).daemon().start(this::run);
    }

    /** Stops the thread; safe more than once. */
    @Override
    public void close() {
        try {
            watcher.close();
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (IOException e) {
            LOG.warn("dev mode: closing the template watcher failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchTree(Path folder, Path root) throws IOException {
        try (Stream<Path> folders = Files.walk(folder)) {
            for (Path each : folders.filter(Files::isDirectory).toList()) {
                WatchKey key = each.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                keys.put(key, new Watched(each, root));
            }
        }
    }

    private void run() {
        try {
            while (true) {
                Set<String> changed = new TreeSet<>();
                boolean lost = handle(watcher.take(), changed);
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    lost |= handle(more, changed);
                }
                if (lost || !changed.isEmpty()) {
                    onChange.accept(lost ? Set.of() : changed);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // close(): the server is stopping.
        } catch (RuntimeException e) {
            LOG.error("dev mode: the template watcher stopped; open pages no longer follow template edits", e);
        }
    }

    /**
     * Adds the templates a key's events name to {@code changed}, and watches new subfolders.
     *
     * @return whether events were lost
     */
    private boolean handle(WatchKey key, Set<String> changed) {
        Watched watched = keys.get(key);
        boolean lost = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                lost = true;
                continue;
            }
            Path path = watched.folder().resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    watchTree(path, watched.root());
                } catch (IOException e) {
                    LOG.warn("dev mode: cannot watch the new folder {}", path, e);
                }
            } else if (path.getFileName().toString().endsWith(SUFFIX)) {
                String name = watched.root().relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
                changed.add(name.substring(0, name.length() - SUFFIX.length()));
            }
        }
        if (!key.reset()) {
            keys.remove(key); // the folder is gone
        }
        return lost;
    }
}
