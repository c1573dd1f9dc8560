package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's contacts dialog in Chromium: it opens and closes without the server, and stays open through its patches. */
class DialogTest extends BrowserTest {

    private Page page;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        startServer(0);
        page = newPage();
        page.onWebSocket(ws -> ws.onFrameSent(frame -> {
            if (frame.text().contains("\"event\"")) {
                events.add(frame.text());
            }
        }));
        open(page, "/dialog");
    }

    private Locator dialog() {
        return page.locator("#new-contact");
    }

    @Test
    void theDialogOpensAndClosesWithoutARoundTrip() {
        assertThat(dialog()).isHidden();
        page.click("#open-dialog");
        assertThat(dialog()).isVisible();
        assertThat(page.locator("#contact-name")).isFocused();
        page.keyboard().press("Escape");
        assertThat(dialog()).isHidden();

        page.click("#open-dialog");
        page.locator("#contact-name").click();
        assertThat(dialog()).isVisible(); // a click inside is no click away
        page.mouse().click(5, 5); // the backdrop, outside the form
        assertThat(dialog()).isHidden();

        page.click("#open-dialog");
        page.click(".cancel");
        assertThat(dialog()).isHidden();
        assertEquals(List.of(), events, "no frame for any of it");
    }

    @Test
    void savingAddsTheContactAndClosesTheDialog() {
        page.click("#open-dialog");
        page.locator("#contact-name").fill("Ada");
        page.locator("input[name=email]").fill("ada@example.com");
        page.locator("input[name=email]").press("Enter");
        assertThat(page.locator(".entries li")).hasText("Ada ada@example.com");
        assertThat(dialog()).isHidden();
        page.click("#open-dialog");
        assertThat(page.locator("#contact-name")).hasValue("");
    }

    @Test
    void theDialogStaysOpenWhenTheServerRendersItsClass() {
        page.click("#open-dialog");
        page.locator("#contact-name").fill("Ada");
        page.locator("input[name=email]").fill("ada@example.com");
        page.click("button[type=submit]");
        assertThat(page.locator(".entries li")).hasCount(1);

        page.click("#open-dialog");
        page.locator("input[name=email]").fill("ada@example.com");
        assertThat(dialog()).hasClass(Pattern.compile("\\binvalid\\b")); // the server's patch of its class
        assertThat(dialog()).hasClass("dialog invalid open");
        assertThat(dialog()).isVisible();
        assertThat(page.locator(".error")).hasText("ada@example.com is in your contacts already");
        page.locator("input[name=email]").fill("grace@example.com");
        assertThat(dialog()).hasClass("dialog open");
        assertThat(dialog()).isVisible();
        assertThat(page.locator("input[name=email]")).hasValue("grace@example.com");
    }
}
