package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClockTest extends BrowserTest {

    @BeforeEach
    void start() {
        startServer(0);
    }

    @Test
    void theServersTimeTicksWithoutAnyClick() {
        Page page = open("/clock");
        String first = page.locator("#now").textContent();
        assertThat(page.locator("#now")).hasText(Pattern.compile("^\\d\\d:\\d\\d:\\d\\d$"));
        assertThat(page.locator("#now")).not().hasText(first);
        String second = page.locator("#now").textContent();
        assertThat(page.locator("#now")).not().hasText(second);
        assertNotEquals(first, second);
    }
}
