package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every binding family of the client, driven in Chromium; {@link BindingsLive} shows what reached the server. */
class BindingsTest extends BrowserTest {

    /** Records every class each element with an id was given, to see loading classes that come and go. */
    private static final String RECORD_CLASSES = """
            window.__classes = [];
            new MutationObserver(records => records.forEach(r => window.__classes.push(r.target.id + ' ' + r.target.className)))
                .observe(document, {subtree: true, attributes: true, attributeFilter: ['class']});""";

    private Page page;

    @BeforeEach
    void start() {
        startServer(0, SECRET, builder -> builder.live("/bindings", BindingsLive::new));
        page = newPage();
        page.addInitScript(RECORD_CLASSES);
        open(page, "/bindings");
    }

    private Locator log() {
        return page.locator("#log li");
    }

    /** The lines of events named {@code name}, once the line {@code last} arrived (the server answers in order). */
    private List<String> lines(String name, String last) {
        assertThat(log().filter(new Locator.FilterOptions().setHasText(last)).first()).isAttached();
        return log().allTextContents().stream().filter(line -> line.startsWith(name + " ")).toList();
    }

    private List<String> classesSeen(String id) {
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) page.evaluate("id => window.__classes.filter(c => c.startsWith(id + ' '))", id);
        return seen;
    }

    @Test
    void clickAwayFiresOnlyOutsideAndAButtonInAFormSendsItsOwnEvent() {
        page.click("#inside");
        page.click("#outside");
        assertEquals(List.of("away (click)"), lines("away", "away (click)"));
        page.evaluate("document.getElementById('menu').hidden = true");
        page.click("#outside");
        page.evaluate("document.getElementById('menu').hidden = false");
        page.click("#inner"); // outside the menu too, which shows again
        assertThat(log().last()).hasText("inner-click (click)");
        // Replies come in order: once the inner click's line is in, every away line before it is too.
        assertEquals(List.of("away (click)", "away (click)"), lines("away", "inner-click (click)"),
                "one away for each click outside while the menu was shown, none while it was hidden");
        assertEquals(List.of(), lines("slow-save", "inner-click"), "the form was not submitted");
    }

    @Test
    void keyBindingsSendTheKeyTheFieldsValueAndOnlyTheFilteredKey() {
        page.locator("#search").pressSequentially("ab");
        page.locator("#search").press("Enter");
        assertEquals(List.of("search (keydown) key=Enter value=ab scope=all"), lines("search", "search (keydown)"));
        page.locator("#keys").press("x");
        assertThat(log().last()).hasText("up (keyup) key=x value=x");
        page.locator("body").press("a");
        page.locator("body").press("Escape");
        assertEquals(List.of("escape (keydown) key=Escape"), lines("escape", "escape (keydown)"), "only Escape, from anywhere");
    }

    @Test
    void focusAndBlurOfAnElementAndOfThePage() {
        page.click("#focusme");
        assertEquals(List.of("focused (focus)"), lines("focused", "focused (focus)"));
        page.click("#outside");
        assertEquals(List.of("blurred (blur)"), lines("blurred", "blurred (blur)"));
        page.evaluate("window.dispatchEvent(new Event('blur'))");
        assertThat(log().last()).hasText("left (blur)");
        page.evaluate("window.dispatchEvent(new Event('focus'))");
        assertThat(log().last()).hasText("back (focus)");
    }

    @Test
    void loadingClassesMarkWhatAwaitsItsReplyAndDisableWithShowsWhileSubmitting() {
        page.click("#slow");
        assertThat(page.locator("#slow")).hasClass("lv-click-loading");
        assertThat(log().last()).hasText("slow (click)");
        assertThat(page.locator("#slow")).not().hasClass("lv-click-loading");

        page.locator("#title").fill("draft");
        page.click("#save");
        Locator save = page.locator("#save");
        assertThat(save).hasText("Saving...");
        assertThat(save).isDisabled();
        assertThat(page.locator("#saving")).hasClass("lv-submit-loading");
        assertThat(log().last()).hasText("slow-save (submit)");
        assertThat(save).isEnabled();
        assertEquals("Save <b>now</b>", save.innerHTML(), "the button's own nodes are back");
        assertThat(page.locator("#saving")).not().hasClass("lv-submit-loading");
        assertTrue(classesSeen("save").contains("save lv-submit-loading"), "the submit button too: " + classesSeen("save"));

        // A submit whose commands push twice: the button shows its text once, and gets its own back.
        page.click("#save-twice");
        Locator twice = page.locator("#save-twice");
        assertThat(twice).hasText("Saving...");
        assertThat(log().last()).hasText("slow-again (submit)");
        assertThat(twice).isEnabled();
        assertEquals("Save <i>twice</i>", twice.innerHTML(), "the button's own nodes are back after both replies");

        page.locator("#debounced").fill("x");
        assertThat(log().last()).hasText("typed (change) target=d d=x");
        assertTrue(classesSeen("typing").contains("typing lv-change-loading"), classesSeen("typing").toString());
        assertTrue(classesSeen("debounced").contains("debounced lv-change-loading"), classesSeen("debounced").toString());
    }

    @Test
    void debounceWaitsForQuietOrBlurAndThrottleSendsFewerEventsEndingWithTheLatest() {
        page.locator("#debounced").pressSequentially("hello", new Locator.PressSequentiallyOptions().setDelay(20));
        List<String> debounced = lines("typed", "d=hello");
        assertTrue(debounced.size() < 5, "fewer events than keys: " + debounced);
        assertEquals("typed (change) target=d d=hello", debounced.getLast());

        page.locator("#throttled").pressSequentially("0123456789", new Locator.PressSequentiallyOptions().setDelay(50));
        List<String> throttled = lines("typed", "t=0123456789").stream().filter(line -> line.contains("target=t")).toList();
        assertTrue(throttled.size() < 10, "fewer events than keys: " + throttled);
        assertEquals("typed (change) target=t t=0123456789", throttled.getLast());

        page.locator("#onblur").pressSequentially("abc");
        page.locator("#slow").dispatchEvent("click"); // a round trip that leaves the field focused
        assertThat(log().last()).hasText("slow (click)");
        assertEquals(List.of(), log().allTextContents().stream().filter(line -> line.contains("target=b")).toList(),
                "nothing from the blur-debounced field while it has not lost focus");
        page.click("#outside");
        assertThat(log().filter(new Locator.FilterOptions().setHasText("target=b"))).hasText(new String[] {"typed (change) target=b b=abc"});
    }
}
