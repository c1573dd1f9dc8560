package io.liveview.docs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.Session;
import io.liveview.core.TestPage;
import io.liveview.demo.DemoApp;
import io.liveview.demo.TodoStore;
import io.liveview.demo.TodoStore.Todo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code java} samples of {@code docs/testing.md}, verbatim, in the context that makes them
 * compile (see {@link DocSamplesTest}). Sample 1 is the top-level {@link TodoLiveTest} below, so it
 * runs with the build's tests as the guide shows it (in-process: no server, no browser); the others
 * only compile.
 */
@SuppressWarnings("unused")
final class TestingSamples {

    // testing.md samples 2 to 4: steps of a test of sample 1's class.
    abstract static class PageSamples extends TodoLiveTest { // context for the samples, not part of them
        void redirected() {
            assertEquals("/login?next=/todo", assertThrows(LiveViewTest.Redirected.class, () -> APP.live("/todo")).to());
        }

        void waiting(TestPage page) {
            page.click("#refresh").awaitText("#status", "Loaded", Duration.ofSeconds(2));
        }

        void viewError(TestPage page) {
            LiveViewTest.ViewError error = assertThrows(LiveViewTest.ViewError.class, () -> page.click("#unknown"));
            assertEquals("unknown_event", error.reason());
        }
    }

    // testing.md sample 5: a mocked store.
    void mockedStore() {
        TodoStore store = mock(TodoStore.class);
        LiveViewTest app = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder(), store));

        when(store.list("ada")).thenReturn(List.of(new Todo(1, "Water plants", false)));
        when(store.add(anyString(), anyString())).thenReturn(false);
        TestPage page = app.live("/todo", LiveViewTest.session(Map.of("user", "ada")));
        page.submit(".new-todo", Map.of("title", "Buy milk"));
        assertEquals("The list is full (100 items)", page.text(".error"));
        verify(store).add("ada", "Buy milk");
    }

    // testing.md sample 6: a browser test. Abstract, so it never runs here: the browser suites'
    // base class (io.liveview.it.BrowserTest) provides newPage() and signIn(...).
    abstract static class BrowserSamples { // context for the sample, not part of it
        abstract Page newPage();

        abstract Page signIn(Page page, String name);

        @Test
        void aDoneItemIsStruckThroughAndItsBoxTicked() {
            Page page = signIn(newPage(), "Ada");
            page.locator("input[name=title]").fill("One");
            page.locator("input[name=title]").press("Enter");
            Locator one = page.locator("ul.items li").filter(new Locator.FilterOptions().setHasText("One"));
            one.locator("input.toggle").click();
            assertThat(one.locator(".title")).hasCSS("text-decoration-line", "line-through");
            assertThat(one.locator("input.toggle")).isChecked();
        }
    }
}

// testing.md sample 1: an in-process test (a top-level class, as in the guide).
class TodoLiveTest {

    static final LiveViewTest APP = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder()));

    @AfterAll
    static void close() {
        APP.close();
    }

    @Test
    void togglingCountsWhatIsLeft() {
        Session ada = LiveViewTest.session(Map.of("user", "ada"));
        TestPage page = APP.live("/todo", ada);
        page.submit(".new-todo", Map.of("title", "One"))
            .submit(".new-todo", Map.of("title", "Two"))
            .click("#todo-2 input.toggle");
        assertEquals("1 items left", page.text("footer .left"));
        assertEquals("Todos (1 left)", page.title());
    }
}
