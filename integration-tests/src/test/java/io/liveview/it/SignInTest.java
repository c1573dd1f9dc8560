package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInTest extends BrowserTest {

    @BeforeEach
    void start() {
        startServer(0, SECRET, builder -> builder
                .live("/sign-in", SignInLive::new)
                .group(MembersLive.REQUIRE_USER, members -> members.live("/members", MembersLive::new))
                .post("/sign-in", (request, response) -> response
                        .session(request.session().renewed().with("user", request.form().require("name")))
                        .redirect(request.form().get("next").orElse("/"))));
    }

    @Test
    void aGuardedPageSendsTheVisitorToSignInAndBackAfterwards() {
        Page page = newPage();
        page.navigate(url("/members"));
        assertThat(page).hasURL(Pattern.compile("/sign-in\\?next=/members$"));
        page.locator("input[name=name]").fill("Ada");
        page.locator("button", new Page.LocatorOptions().setHasText("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile("/members$"));
        assertThat(page.locator("h1")).hasText("Hello, Ada");
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertThat(page.locator("h1")).hasText("Hello, Ada");
    }
}
