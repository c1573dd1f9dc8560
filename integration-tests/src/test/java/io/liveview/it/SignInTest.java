package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PageAssertions;
import io.liveview.core.LiveViewServer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInTest extends BrowserTest {

    /** Adds the sign-in page, its post, the members' page behind {@link MembersLive#REQUIRE_USER} and signing out. */
    static LiveViewServer.Builder withSignIn(LiveViewServer.Builder builder) {
        return builder
                .live("/sign-in", SignInLive::new)
                .group(MembersLive.REQUIRE_USER, members -> members.live("/members", MembersLive::new))
                .post("/sign-in", (request, response) -> response
                        .session(request.session().renewed().with("user", request.form().require("name")))
                        .redirect(request.form().get("next").orElse("/")))
                .post("/sign-out", (request, response) -> response.endSession().redirect("/sign-in"));
    }

    @BeforeEach
    void start() {
        startServer(0, SECRET, SignInTest::withSignIn);
    }

    private Page signedIn(Page page) {
        page.navigate(url("/members"));
        page.locator("input[name=name]").fill("Ada");
        page.locator("button", new Page.LocatorOptions().setHasText("Sign in")).click();
        assertThat(page.locator("h1")).hasText("Hello, Ada");
        return page;
    }

    @Test
    void signingOutInOneTabSendsEveryOtherTabOfTheSessionToSignIn() {
        Page first = signedIn(newPage());
        Page second = first.context().newPage();
        second.navigate(url("/members"));
        assertThat(second.locator("h1")).hasText("Hello, Ada");
        second.locator("[data-lv-root].lv-connected").waitFor();

        first.locator("button", new Page.LocatorOptions().setHasText("Sign out")).click();
        assertThat(first).hasURL(Pattern.compile("/sign-in$"));
        // The other tab was not touched: its socket is closed, its rejoin refused, and it reloads.
        assertThat(second).hasURL(Pattern.compile("/sign-in\\?next=/members$"),
                new PageAssertions.HasURLOptions().setTimeout(20_000));
        first.navigate(url("/members"));
        assertThat(first).hasURL(Pattern.compile("/sign-in\\?next=/members$"), new PageAssertions.HasURLOptions().setTimeout(10_000));
    }

    @Test
    void aGuardedPageSendsTheVisitorToSignInAndBackAfterwards() {
        signInThroughTheGuard(newPage(), this::url);
    }

    /**
     * Opens the members' page signed out, lands on the sign-in page, signs in as Ada and is sent
     * back to the members' page, which goes live.
     *
     * @param url the address of a path of the server under test
     */
    static void signInThroughTheGuard(Page page, UnaryOperator<String> url) {
        page.navigate(url.apply("/members"));
        assertThat(page).hasURL(url.apply("/sign-in?next=/members"));
        page.locator("input[name=name]").fill("Ada");
        page.locator("button", new Page.LocatorOptions().setHasText("Sign in")).click();
        assertThat(page).hasURL(url.apply("/members"));
        assertThat(page.locator("h1")).hasText("Hello, Ada");
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertThat(page.locator("h1")).hasText("Hello, Ada");
    }
}
