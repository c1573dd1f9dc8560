package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.liveview.demo.DemoApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dev mode in Chromium: the demo's templates copied to a folder the test edits while a page is open. */
class DevModeTest extends BrowserTest {

    @TempDir
    Path templates;

    @BeforeEach
    void start() throws Exception {
        // Found by a file of the demo's: other jars on the class path have a templates folder too.
        Path shipped = Path.of(DemoApp.class.getResource("/templates/counter.html").toURI()).getParent();
        try (Stream<Path> files = Files.list(shipped)) {
            for (Path file : files.toList()) {
                Files.copy(file, templates.resolve(file.getFileName()));
            }
        }
        startServer(0, SECRET, builder -> builder.devMode(true).devTemplates(templates));
    }

    /** Rewrites a template as an editor would save it. */
    private void edit(String template, String from, String to) throws Exception {
        Path file = templates.resolve(template + ".html");
        String html = Files.readString(file);
        Files.writeString(file, html.replace(from, to));
    }

    /** Marks the page's window, so a reload shows as the mark's absence. */
    private static Page marked(Page page) {
        page.evaluate("window.__marker = 'still here'");
        return page;
    }

    private static boolean reloaded(Page page) {
        return !"still here".equals(page.evaluate("window.__marker"));
    }

    @Test
    void savedTemplatesShowInTheOpenPageWithItsStateAndWithoutAReload() throws Exception {
        Page page = marked(open("/counter"));
        page.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        assertThat(page.locator("h1")).hasText("Count: 1");
        edit("counter", "Count:", "Clicks so far:");
        assertThat(page.locator("h1")).hasText("Clicks so far: 1");
        // Broken, the view shows why in its place, and stays.
        edit("counter", "${count}", "${count.noSuchProperty}");
        assertThat(page.locator("[data-lv-root] .lv-dev-error")).containsText("Template counter, line 1");
        edit("counter", "${count.noSuchProperty}", "${count}");
        assertThat(page.locator("h1")).hasText("Clicks so far: 1");
        assertThat(page.locator(".lv-dev-error")).hasCount(0);
        assertFalse(reloaded(page));
    }

    @Test
    void aSavedLayoutReloadsThePage() throws Exception {
        Page page = marked(open("/counter"));
        edit("layout", "Home</a>", "Start</a>");
        assertThat(page.locator("nav")).containsText("Start");
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertTrue(reloaded(page), "a reload, not a patch");
    }

    @Test
    void aFailingFirstRenderShowsTheDevErrorPage() throws Exception {
        edit("counter", "${count}", "${count.noSuchProperty}");
        Page page = newPage();
        page.navigate(url("/counter"));
        assertThat(page.locator(".lv-dev-error")).containsText("Template counter, line 1");
        assertThat(page.locator(".lv-dev-error")).containsText("noSuchProperty");
    }
}
