package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    void anEmptyTitleShowsAnInlineErrorAndAddsNothing() {
        input().fill("   ");
        input().press("Enter");
        assertThat(page.locator(".error")).hasText("Title can't be empty");
        assertThat(items()).hasCount(0);
        addWithEnter("Real task");
        assertThat(page.locator(".error")).hasCount(0);
    }

    @Test
    void toggleDeleteAndFilter() {
        addWithEnter("One");
        addWithEnter("Two");
        addWithEnter("Three");
        assertThat(page.locator("footer .left")).hasText("3 items left");

        item("Two").locator("input.toggle").click();
        assertThat(item("Two")).hasClass(Pattern.compile("\\bdone\\b"));
        assertThat(item("Two").locator(".title")).hasCSS("text-decoration-line", "line-through");
        assertThat(item("Two").locator("input.toggle")).isChecked();
        assertThat(page.locator("footer .left")).hasText("2 items left");

        item("One").locator("button.delete").click();
        assertThat(titles()).hasText(new String[] {"Two", "Three"});
        assertThat(page.locator("footer .left")).hasText("1 items left");

        page.locator(".filters button", new Page.LocatorOptions().setHasText("Active")).click();
        assertThat(titles()).hasText(new String[] {"Three"});
        page.locator(".filters button", new Page.LocatorOptions().setHasText("Done")).click();
        assertThat(titles()).hasText(new String[] {"Two"});
        assertThat(page.locator(".filters .selected")).hasText("Done");
        page.locator(".filters button", new Page.LocatorOptions().setHasText("All")).click();
        assertThat(titles()).hasText(new String[] {"Two", "Three"});

        item("Two").locator("input.toggle").click();
        assertThat(item("Two")).not().hasClass(Pattern.compile("\\bdone\\b"));
        assertThat(page.locator("footer .left")).hasText("2 items left");
    }
}
