package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo's 1,000-row table in Chromium: a bump touches its row's value cell and no other node. */
class TableTest extends BrowserTest {

    @Test
    void aBumpChangesThatRowAndNothingElse() {
        startServer(0);
        Page page = open("/table");
        List<?> ids = (List<?>) page.evaluate("[...document.querySelectorAll('tbody tr .id')].map(td => td.textContent)");
        assertEquals(IntStream.rangeClosed(1, 1_000).mapToObj(String::valueOf).toList(), ids);
        // Every row node is tagged and its HTML kept, and every DOM mutation from here on is recorded,
        // so a patch that replaced, moved or touched anything else would show.
        page.evaluate("""
                window.__rows = [...document.querySelectorAll('tbody tr')];
                window.__before = window.__rows.map(tr => tr.outerHTML);
                window.__mutations = [];
                new MutationObserver(records => records.forEach(r => window.__mutations.push(
                        (r.target.nodeType === 1 ? r.target : r.target.parentElement).closest('tr')?.id + ' ' + r.type)))
                    .observe(document.querySelector('[data-lv-root]'), {subtree: true, childList: true, attributes: true, characterData: true});""");

        page.locator("#row-500 .bump").click();
        assertThat(page.locator("#row-500 .value")).hasText("1");
        page.locator("#row-500 .bump").click();
        assertThat(page.locator("#row-500 .value")).hasText("2");

        List<?> changed = (List<?>) page.evaluate("""
                [...document.querySelectorAll('tbody tr')].flatMap((tr, i) =>
                    tr === window.__rows[i] && tr.outerHTML === window.__before[i] ? [] : [tr.id])""");
        assertEquals(List.of("row-500"), changed, "rows whose node or HTML changed");
        List<?> mutated = (List<?>) page.evaluate("[...new Set(window.__mutations)]");
        assertTrue(!mutated.isEmpty() && mutated.stream().allMatch(m -> m.toString().startsWith("row-500 ")),
                "mutations, by row: " + mutated);
        assertEquals(page.evaluate("window.__before[499]").toString().replace(">0</td>", ">2</td>"),
                page.evaluate("document.querySelector('#row-500').outerHTML"), "row 500 differs only in its value");
        assertEquals(1_000L, ((Number) page.evaluate("document.querySelectorAll('tbody tr').length")).longValue());
    }
}
