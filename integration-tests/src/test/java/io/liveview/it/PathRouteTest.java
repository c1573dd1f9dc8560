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
    void aParameterThatIsNotANumberIsNoSuchPage() {
        Page page = newPage();
        Response response = page.navigate(url("/items/forty-two"));
        assertEquals(404, response.status());
        assertThat(page.locator("body")).hasText("No such page");
    }
}
