package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JS commands in Chromium: each one's effect, lists of them in order, and what they set surviving the server's patches. */
class JsCommandsTest extends BrowserTest {

    private Page page;
    private final List<String> errors = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();

    @BeforeEach
    void start() {
        startServer(0, SECRET, builder -> builder.live("/js", JsCommandsLive::new));
        page = newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") && message.text().startsWith("liveview:")) {
                errors.add(message.text());
            }
        });
        page.onWebSocket(ws -> ws.onFrameSent(frame -> {
            if (frame.text().contains("\"event\"")) {
                sent.add(frame.text());
            }
        }));
        open(page, "/js");
    }

    private Locator at(String selector) {
        return page.locator(selector);
    }

    private Object js(String expression) {
        return page.evaluate(expression);
    }

    @Test
    void eachCommandActsOnItsTargetWithoutAFrame() {
        assertThat(at("#box")).isHidden();
        at("#show").click();
        assertThat(at("#box")).isVisible();
        assertEquals("block", js("getComputedStyle(document.querySelector('#box')).display"), "the hidden attribute is overruled");
        at("#hide").click();
        assertThat(at("#box")).isHidden();
        at("#toggle").click();
        assertThat(at("#box")).isVisible();
        at("#toggle").click();
        assertThat(at("#box")).isHidden();
        at("#show-flex").click();
        assertEquals("flex", js("getComputedStyle(document.querySelector('#box')).display"));

        at("#add").click();
        assertThat(at("#panel")).hasClass("odd big red");
        at("#remove").click();
        assertThat(at("#panel")).hasClass("odd big");
        at("#toggle-class").click();
        assertThat(at("#panel")).hasClass("odd blue");
        at("#set").click();
        assertThat(at("#panel")).hasAttribute("aria-label", "mine");
        at("#unset").click();
        assertEquals(false, js("document.querySelector('#panel').hasAttribute('title')"));
        at("#focus").click();
        assertThat(at("#field")).isFocused();
        at("#self").click();
        assertThat(at("#self")).hasClass("pressed");
        assertThat(at("#self")).hasAttribute("aria-pressed", "true");

        js("document.body.addEventListener('picked', e => window.picked = e.target.id + ' ' + e.detail.id)");
        at("#dispatch").click();
        assertEquals("panel 7", js("window.picked"), "a bubbling event with its detail");
        assertEquals(List.of(), sent, "no command but push sends a frame");
        assertEquals(List.of(), errors);
    }

    @Test
    void aListRunsInOrderAndItsPushesAreTheBindingsEvents() {
        js("new MutationObserver(() => window.classAt ??= document.querySelector('#log').textContent)"
                + ".observe(document.querySelector('#panel'), {attributes: true})");
        at("#pushes").click();
        assertThat(at("#log")).hasText("lv/kept;own/kept;");
        assertEquals("", js("window.classAt"), "the class came after the first push was sent, before its reply");
        assertThat(at("#panel")).hasClass(Pattern.compile("between"));
        assertEquals(2, sent.size(), sent.toString());
        assertTrue(sent.get(0).contains("\"type\":\"click\",\"event\":\"log\",\"value\":{\"m\":\"lv\",\"k\":\"kept\"}"), sent.toString());
        assertTrue(sent.get(1).contains("\"value\":{\"m\":\"own\",\"k\":\"kept\"}"), sent.toString());
    }

    @Test
    void anUnknownCommandIsReportedAndTheRestStillRun() {
        at("#typo").click();
        assertThat(at("#panel")).hasClass(Pattern.compile("after"));
        assertThat(at("#box")).isVisible();
        assertEquals(1, errors.stream().filter(e -> e.contains("unknown command hdie")).count(), errors.toString());
    }

    @Test
    void whatCommandsSetSurvivesPatchesOfTheElementAndOfItsParent() {
        at("#show").click();
        at("#add").click();
        at("#set").click();
        at("#unset").click();
        at("#bump").click();
        assertThat(at("#n")).hasText("2");
        assertThat(at("#panel")).hasClass("even big red");
        assertThat(at("#panel")).hasAttribute("aria-label", "mine");
        assertEquals(false, js("document.querySelector('#panel').hasAttribute('title')"), "removed stays removed");
        assertEquals("--n: 2; display: block;", js("document.querySelector('#box').getAttribute('style')"),
                "the server's style and the command's display");

        js("document.querySelector('#box').old = true");
        at("#regen").click();
        page.waitForFunction("() => !document.querySelector('#box').old");
        assertThat(at("#box")).isVisible();
        at("#hide").click();
        at("#regen").click();
        page.waitForFunction("() => document.querySelector('[lv-key=\"3\"]')");
        assertThat(at("#box")).isHidden();
    }

    @Test
    void aPageReachedByLvNavigateStartsFromItsRenderEvenWithTheSameIds() {
        at("#add").click();
        js("document.querySelector('#panel').old = window.stayed = true");
        at("#again").click();
        page.waitForFunction("() => !document.querySelector('#panel').old");
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertEquals(true, js("window.stayed"), "no reload");
        assertThat(at("#panel")).hasClass("odd");
    }

    @Test
    void commandsRunWhileTheViewIsNotJoinedAndAWindowKeyBindingFiltersKeys() {
        server.stop();
        page.locator("[data-lv-root].lv-disconnected").waitFor();
        at("#open").click();
        assertThat(at("#dialog")).isVisible();
        assertThat(at("#field")).isFocused();
        page.keyboard().press("a");
        assertThat(at("#dialog")).isVisible();
        page.keyboard().press("Escape");
        assertThat(at("#dialog")).isHidden();
    }
}
