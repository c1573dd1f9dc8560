package io.liveview.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code java} sample of {@code README.md} and {@code docs/*.md} compiles with the build.
 *
 * <p>The samples are mirrored, verbatim, by the classes of this package ({@link ReadmeSamples},
 * {@link RoutingSamples}, ...: one per doc), inside whatever context makes them compile (a class
 * implementing {@code LiveView} around a method, {@code LiveViewServer.builder()} before a chain
 * step, stubs for the application's types). Those classes are test sources, so a sample that no
 * longer compiles breaks the build. This test checks that the mirror is complete and current: the
 * lines of each sample, stripped and without blank lines, appear as a consecutive run in one of the
 * mirror's source files. When it fails, copy the sample from the doc into that doc's mirror class
 * (or fix the doc, if the sample is what is wrong).
 *
 * <p>{@code docs/getting-started.md} is left out: its samples are the generated app's code, which
 * the starter template's integration test builds and runs.
 */
class DocSamplesTest {

    /** Where the mirror classes live, relative to this module. */
    private static final Path MIRROR = Path.of("src", "test", "java", "io", "liveview", "docs");

    /** Docs whose samples the archetype's integration test already exercises. */
    private static final List<String> LEFT_OUT = List.of("getting-started.md");

    /** The docs known to have java samples, and their mirror class; each must exist and have one. */
    private static final Map<String, String> MIRRORS = new LinkedHashMap<>();
    static {
        MIRRORS.put("README.md", "ReadmeSamples");
        MIRRORS.put("docs/bindings.md", "BindingsSamples");
        MIRRORS.put("docs/components.md", "ComponentsSamples");
        MIRRORS.put("docs/deployment.md", "DeploymentSamples");
        MIRRORS.put("docs/navigation.md", "NavigationSamples");
        MIRRORS.put("docs/processes.md", "ProcessesSamples");
        MIRRORS.put("docs/pubsub.md", "PubSubSamples");
        MIRRORS.put("docs/routing.md", "RoutingSamples");
        MIRRORS.put("docs/streams.md", "StreamsSamples");
        MIRRORS.put("docs/testing.md", "TestingSamples");
    }

    /** Fewer blocks than this means the extractor is broken, not that the docs lost their samples. */
    private static final int AT_LEAST = 20;

    private final Path module = moduleDir();
    private final Path project = module.getParent();

    @Test
    void everyJavaSampleOfTheDocsIsMirroredVerbatim() throws IOException {
        List<List<String>> mirror = mirrorSources();
        List<String> missing = new ArrayList<>();
        int blocks = 0;
        for (Path doc : docs()) {
            String name = project.relativize(doc).toString().replace('\\', '/');
            List<List<String>> samples = javaBlocks(Files.readAllLines(doc));
            if (MIRRORS.containsKey(name)) {
                assertTrue(!samples.isEmpty(), name + " has no ```java block any more: drop it from DocSamplesTest.MIRRORS");
            }
            for (int i = 0; i < samples.size(); i++) {
                List<String> sample = samples.get(i);
                blocks++;
                if (sample.isEmpty() || mirror.stream().noneMatch(file -> Collections.indexOfSubList(file, sample) >= 0)) {
                    missing.add(name + ", java block " + (i + 1) + " ("
                            + (sample.isEmpty() ? "empty" : "first line: " + sample.get(0)) + "): mirror it in "
                            + MIRRORS.getOrDefault(name, "a new class of its own") + ".java");
                }
            }
        }
        assertTrue(blocks >= AT_LEAST, "found only " + blocks + " ```java blocks in README.md and docs/*.md, expected " + AT_LEAST
                + " or more: is the extractor broken?");
        if (!missing.isEmpty()) {
            fail("Java samples not mirrored (or not verbatim) under integration-tests/" + MIRROR.toString().replace('\\', '/')
                    + "/:\n  " + String.join("\n  ", missing)
                    + "\nPut each sample's lines, unchanged, into that mirror class, inside the context that makes them compile"
                    + " (commented as context); or, if the sample is what is wrong, fix the doc.");
        }
    }

    /** README.md and docs/*.md but the ones {@link #LEFT_OUT}; fails if a doc of {@link #MIRRORS} is gone. */
    private List<Path> docs() throws IOException {
        for (String name : MIRRORS.keySet()) {
            assertTrue(Files.isRegularFile(project.resolve(name)), name + " is gone: update DocSamplesTest.MIRRORS");
        }
        List<Path> docs = new ArrayList<>();
        docs.add(project.resolve("README.md"));
        try (Stream<Path> files = Files.list(project.resolve("docs"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !LEFT_OUT.contains(f.getFileName().toString()))
                    .sorted()
                    .forEach(docs::add);
        }
        return docs;
    }

    /** The lines of each ```java fenced block, normalised. */
    static List<List<String>> javaBlocks(List<String> markdown) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : markdown) {
            String fence = line.strip();
            if (block == null) {
                if (fence.startsWith("```java")) {
                    block = new ArrayList<>();
                }
            } else if (fence.startsWith("```")) {
                blocks.add(normalised(block));
                block = null;
            } else {
                block.add(line);
            }
        }
        return blocks;
    }

    /** Each mirror source file's lines, normalised. */
    private List<List<String>> mirrorSources() throws IOException {
        List<List<String>> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(module.resolve(MIRROR))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.add(normalised(Files.readAllLines(file)));
            }
        }
        assertTrue(sources.size() > 1, "no mirror classes found in " + module.resolve(MIRROR));
        return sources;
    }

    /** Each line stripped, blank lines dropped: indentation and spacing between lines do not count. */
    static List<String> normalised(List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The integration-tests module: surefire runs in it; an IDE may run in the project root. */
    private static Path moduleDir() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(dir.resolve(MIRROR)) ? dir : dir.resolve("integration-tests");
    }
}
