package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PageAssertions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's todo list behind sign-in, where a browser is needed: the sign-in form, sign-out across
 * tabs, links to the edit page. Per-user lists and pages in step are tested in-process by
 * io.liveview.demo.TodoLiveTest.
 */
class TodoAccountsTest extends BrowserTest {

    @BeforeEach
    void start() {
        startServer(0);
    }

    private static Locator titles(Page page) {
        return page.locator("ul.items li .title");
    }

    private static Locator item(Page page, String title) {
        return page.locator("ul.items li").filter(new Locator.FilterOptions().setHasText(title));
    }

    private static void add(Page page, String title) {
        page.locator("input[name=title]").fill(title);
        page.locator("input[name=title]").press("Enter");
        assertThat(item(page, title)).hasCount(1);
    }

    /** A second tab of the same browser (same cookies), open on the list and live. */
    private Page secondTab(Page first) {
        Page second = first.context().newPage();
        second.setDefaultTimeout(10_000);
        second.navigate(url("/todo"));
        second.locator("[data-lv-root].lv-connected").waitFor();
        return second;
    }

    @Test
    void aSignedOutVisitorIsSentToSignInAndThenBackToTheList() {
        Page page = newPage();
        page.navigate(url("/todo"));
        assertThat(page).hasURL(url("/login?next=/todo"));
        page.locator(".login button[type=submit]").click();
        assertThat(page.locator(".login .error")).hasText("A name of 1 to 40 characters, please");
        page.locator("input[name=name]").fill("Ada");
        page.locator(".login button[type=submit]").click();
        assertThat(page).hasURL(url("/todo"));
        assertThat(page.locator(".user strong")).hasText("Ada");
        page.locator("[data-lv-root].lv-connected").waitFor();
        add(page, "First thing");
    }

    @Test
    void aForeignNextTargetAfterSignInIsReplacedByTheHomePage() {
        Page page = newPage();
        page.navigate(url("/login?next=https://evil.example/"));
        page.locator("input[name=name]").fill("Ada");
        page.locator(".login button[type=submit]").click();
        assertThat(page).hasURL(url("/"));
    }

    @Test
    void signingOutSendsEveryTabToSignInAndTheListWaitsForTheUser() {
        Page first = signIn(newPage(), "Ada");
        add(first, "Keep me");
        Page second = secondTab(first);

        first.locator("button", new Page.LocatorOptions().setHasText("Sign out")).click();
        assertThat(first).hasURL(url("/login"));
        assertThat(first.locator("[data-lv-flash=info]")).hasText("Signed out"); // an endpoint's flash
        assertThat(second).hasURL(url("/login?next=/todo"), new PageAssertions.HasURLOptions().setTimeout(20_000));
        first.navigate(url("/todo"));
        assertThat(first).hasURL(url("/login?next=/todo"));

        signIn(first, "Ada");
        assertThat(first.locator("[data-lv-flash=info]")).hasText("Welcome, Ada");
        assertThat(titles(first)).hasText(new String[] {"Keep me"});
    }

    @Test
    void anItemsEditLinkOpensItsPageAndSavingGoesBackToTheList() {
        Page page = signIn(newPage(), "Ada");
        add(page, "Buy milk");

        item(page, "Buy milk").locator("a.edit").click();
        assertThat(page).hasURL(Pattern.compile("/todo/\\d+$"));
        page.locator("[data-lv-root].lv-connected").waitFor();
        Locator title = page.locator(".edit-todo input[name=title]");
        assertThat(title).hasValue("Buy milk");
        title.fill("Buy oat milk");
        page.locator(".edit-todo button[type=submit]").click();
        assertThat(page).hasURL(url("/todo"));
        assertThat(titles(page)).hasText(new String[] {"Buy oat milk"});
    }

    @Test
    void anotherUsersItemAndAMalformedIdAreNotFound() {
        Page ada = signIn(newPage(), "Ada");
        add(ada, "Private");
        String href = item(ada, "Private").locator("a.edit").getAttribute("href");
        assertEquals(200, ada.navigate(url(href)).status());

        Page bob = signIn(newPage(), "Bob");
        assertEquals(404, bob.navigate(url(href)).status());
        assertThat(bob.locator("h1")).hasText("Page not found");
        assertEquals(404, bob.navigate(url("/todo/abc")).status());
    }
}
