package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only a browser shows of the todo list: the input cleared after adding, the done style. Its
 * behaviour is tested in-process by io.liveview.demo.TodoLiveTest.
 */
class TodoTest extends BrowserTest {

    private Page page;

    @BeforeEach
    void start() {
        startServer(0);
        page = signIn(newPage(), "Ada");
    }

    private Locator input() {
        return page.locator("input[name=title]");
    }

    private Locator items() {
        return page.locator("ul.items li");
    }

    private Locator titles() {
        return page.locator("ul.items li .title");
    }

    private Locator item(String title) {
        return items().filter(new Locator.FilterOptions().setHasText(title));
    }

    private void addWithEnter(String title) {
        input().fill(title);
        input().press("Enter");
        assertThat(item(title)).hasCount(1);
    }

    @Test
    void addingClearsTheInputEvenThoughItsRenderedValueNeverChanged() {
        input().fill("Buy milk");
        page.locator(".new-todo button[type=submit]").click();
        assertThat(titles()).hasText(new String[] {"Buy milk"});
        assertThat(input()).hasValue("");
        addWithEnter("Walk the dog");
        assertThat(input()).hasValue("");
        assertThat(page.locator("footer .left")).hasText("2 items left");
    }

    @Test
    void aDoneItemIsStruckThroughAndItsBoxTicked() {
        addWithEnter("One");
        item("One").locator("input.toggle").click();
        assertThat(item("One")).hasClass(Pattern.compile("\\bdone\\b"));
        assertThat(item("One").locator(".title")).hasCSS("text-decoration-line", "line-through");
        assertThat(item("One").locator("input.toggle")).isChecked();
        item("One").locator("input.toggle").click();
        assertThat(item("One").locator(".title")).hasCSS("text-decoration-line", "none");
        assertThat(item("One").locator("input.toggle")).not().isChecked();
    }

    @Test
    void theFilterIsInTheUrlSoBackForwardAndReloadKeepIt() {
        addWithEnter("One");
        addWithEnter("Two");
        item("One").locator("input.toggle").click();
        page.evaluate("window.__marker = 'same document'");

        page.locator(".filters a", new Page.LocatorOptions().setHasText("Active")).click();
        assertThat(page).hasURL(url("/todo?filter=active"));
        assertThat(titles()).hasText(new String[] {"Two"});
        page.locator(".filters a", new Page.LocatorOptions().setHasText("Done")).click();
        assertThat(titles()).hasText(new String[] {"One"});
        page.goBack();
        assertThat(page).hasURL(url("/todo?filter=active"));
        assertThat(titles()).hasText(new String[] {"Two"});
        assertThat(page.locator(".filters .selected")).hasText("Active");
        assertEquals("same document", page.evaluate("window.__marker"), "no page load");

        page.reload();
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertThat(titles()).hasText(new String[] {"Two"});
    }

    @Test
    void aFlashConfirmsAnAddAndASaveShowsOnTheListItRedirectsToOnce() {
        addWithEnter("Milk");
        assertThat(page.locator(".lv-flash-info")).hasText("Added “Milk”");
        page.locator(".lv-flash-info").click();
        assertThat(page.locator(".lv-flash")).hasCount(0);

        item("Milk").locator("a.edit").click();
        page.locator("[data-lv-root].lv-connected").waitFor();
        page.locator(".edit-todo input[name=title]").fill("Oat milk");
        page.locator(".edit-todo button[type=submit]").click();
        assertThat(page).hasURL(url("/todo"));
        assertThat(page.locator(".lv-flash-info")).hasText("Saved “Oat milk”");
        page.reload();
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertThat(page.locator(".lv-flash")).hasCount(0);
    }
}
