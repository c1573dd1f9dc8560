package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MountOnceTest extends BrowserTest {

    @BeforeEach
    void start() {
        startServer(0, SECRET, builder -> builder.live("/mount-count", MountCountLive::new));
    }

    @Test
    void onePageVisitIsOneMountAndTheSocketStillGoesLive() {
        Page page = open("/mount-count");
        assertThat(page.locator("#live")).hasText("yes");
        String id = root(page).getAttribute("id");
        assertEquals(1, MountCountLive.MOUNTS.get(id).get(), "mounted for the first render only");
        assertEquals(1, MountCountLive.CONNECTS.get(id).get(), "connected() ran when the socket joined");
    }
}
