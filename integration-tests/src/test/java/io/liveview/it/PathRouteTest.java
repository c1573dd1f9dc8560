package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PathRouteTest extends BrowserTest {

    @BeforeEach
    void start() {
        startServer(0, SECRET, builder -> builder.live("/items/{id}", ItemPageLive::new));
    }

    @Test
    void aPageAtAPathTemplateShowsItsParameterAndGoesLive() {
        Page page = open("/items/42");
        assertThat(page.locator("#item")).hasText("42");
        page.locator("button", new Page.LocatorOptions().setHasText("Like")).click();
        page.locator("button", new Page.LocatorOptions().setHasText("Like")).click();
        assertThat(page.locator("#likes")).hasText("2");
        assertThat(page.locator("#item")).hasText("42");
    }

    @Test
    void aParameterThatIsNotANumberOrAPathWithNoRouteGetsTheNotFoundPage() {
        Page page = newPage();
        for (String path : new String[] {"/items/forty-two", "/no/such/page"}) {
            Response response = page.navigate(url(path));
            assertEquals(404, response.status(), path);
            assertThat(page.locator("h1")).hasText("Page not found");
            assertEquals("Page not found", page.title());
        }
    }
}
