package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stateful components in Chromium: each patches its own element, keeps its state, takes its events. */
class ComponentsTest extends BrowserTest {

    private Page page;

    @BeforeEach
    void start() {
        startServer(0, SECRET, builder -> builder.live("/board", BoardLive::new));
        page = open("/board");
    }

    private Locator cards() {
        return page.locator("#cards > li");
    }

    /** Records, from now on, which card each DOM mutation under #cards was in. */
    private void watchMutations() {
        page.evaluate("""
                window.__mutations = [];
                new MutationObserver(records => records.forEach(r => window.__mutations.push(
                        (r.target.nodeType === 1 ? r.target : r.target.parentElement).closest('#cards > li')?.id)))
                    .observe(document.querySelector('#cards'), {subtree: true, childList: true, attributes: true, characterData: true});""");
    }

    @Test
    void anEventToAComponentChangesThatComponentAlone() {
        assertThat(cards()).hasCount(4);
        watchMutations();
        page.locator("#card-2 .inc").click();
        assertThat(page.locator("#card-2 .count")).hasText("1");
        assertEquals(List.of("card-2"), page.evaluate("[...new Set(window.__mutations)]"));
        page.locator("#inc-3").click(); // lv-target as a selector, from outside the component
        assertThat(page.locator("#card-3 .count")).hasText("1");
        assertThat(page.locator("#cards .count")).hasText(new String[] {"0", "1", "1", "0"});
    }

    @Test
    void reorderingMovesTheComponentsNodesWithWhatTheUserTyped() {
        page.locator("#card-1 .inc").click();
        assertThat(page.locator("#card-1 .count")).hasText("1");
        page.locator("#card-1 input").fill("typed, not sent");
        page.evaluate("window.__cards = [...document.querySelectorAll('#cards > li')]");
        page.locator("#reverse").click();
        assertThat(page.locator("#cards > li > .name")).hasText(new String[] {"card 4", "card 3", "card 2", "card 1"});
        assertEquals(true, page.evaluate("[...document.querySelectorAll('#cards > li')].every((li, i) => li === window.__cards[3 - i])"),
                "the same nodes, moved");
        assertThat(page.locator("#card-1 input")).hasValue("typed, not sent");
        assertThat(page.locator("#card-1 .count")).hasText("1");
    }

    @Test
    void droppedComponentsGoAndNewOnesStartFresh() {
        page.locator("#card-1 .inc").click();
        page.locator("#drop-first").click();
        assertThat(cards()).hasCount(3);
        assertThat(page.locator("#card-1")).hasCount(0);
        page.locator("#add").click();
        assertThat(cards()).hasCount(4);
        assertThat(page.locator("#card-5 .count")).hasText("0");
        page.locator("#card-5 .inc").click();
        assertThat(page.locator("#card-5 .count")).hasText("1");
        assertThat(page.locator("#card-5 .tag")).hasCount(2);
    }

    @Test
    void aComponentsFormSubmitsToItAndTheViewUpdatesAComponent() {
        page.locator("#card-3 input").fill("renamed three");
        page.locator("#card-3 form button").click();
        assertThat(page.locator("#card-3 .name")).hasText("renamed three");
        assertThat(page.locator("#title")).hasText("Board");
        page.locator("#star-2").click();
        assertThat(page.locator("#card-2")).hasClass("card starred");
        assertThat(page.locator("#card-3")).hasClass("card");
        page.locator("#rename").click(); // the view renders: each card keeps its own name and star
        assertThat(page.locator("#title")).hasText("Board renamed");
        assertThat(page.locator("#card-3 .name")).hasText("renamed three");
        assertThat(page.locator("#card-2")).hasClass("card starred");
    }

    @Test
    void nestedComponentsKeepTheirStateThroughTheirOwnersRenders() {
        page.locator("#card-1 .tag").first().click();
        assertThat(page.locator("#card-1 .tag").first()).hasClass("tag on");
        page.locator("#card-1 .inc").click();
        assertThat(page.locator("#card-1 .count")).hasText("1");
        assertThat(page.locator("#card-1 .tag")).hasClass(new String[] {"tag on", "tag"});
        page.locator("#card-2 .tell").click();
        assertThat(page.locator("#told")).hasText("card 2 says hello");
    }
}
