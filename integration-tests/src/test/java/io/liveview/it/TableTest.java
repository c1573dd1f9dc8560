package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's 1,000-row table in Chromium, as row components, a plain list and a stream: a bump
 * touches its row's value cell and no other node;
 * and over a raw socket, a bump of a row that is not there, which no page of the table sends.
 */
class TableTest extends BrowserTest {

    @ParameterizedTest
    @ValueSource(strings = {"/table", "/table/plain"})
    void aBumpChangesThatRowAndNothingElse(String path) {
        startServer(0);
        Page page = open(path);
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

        bumpRow500Twice(page);
        List<?> mutated = (List<?>) page.evaluate("[...new Set(window.__mutations)]");
        assertTrue(!mutated.isEmpty() && mutated.stream().allMatch(m -> m.toString().startsWith("row-500 ")),
                "mutations, by row: " + mutated);
        assertEquals(page.evaluate("window.__before[499]").toString().replace(">0</td>", ">2</td>"),
                page.evaluate("document.querySelector('#row-500').outerHTML"), "row 500 differs only in its value");
        assertEquals(1_000L, ((Number) page.evaluate("document.querySelectorAll('tbody tr').length")).longValue());
    }

    @Test
    void aStreamedBumpChangesThatRowAloneInPlace() {
        startServer(0);
        Page page = open("/table/stream");
        assertEquals(IntStream.rangeClosed(1, 1_000).mapToObj(String::valueOf).toList(),
                page.evaluate("[...document.querySelectorAll('tbody tr .id')].map(td => td.textContent)"));
        // A stream sends the bumped row whole; the page makes its row into it in place, and no other row changes.
        page.evaluate("""
                window.__rows = [...document.querySelectorAll('tbody tr')];
                window.__before = window.__rows.map(tr => tr.outerHTML);
                window.__swapped = [];
                new MutationObserver(records => records.forEach(r => [...r.addedNodes, ...r.removedNodes]
                        .forEach(n => window.__swapped.push(n.id || n.nodeName))))
                    .observe(document.querySelector('tbody'), {childList: true});""");

        bumpRow500Twice(page);
        assertEquals(List.of(), page.evaluate("window.__swapped"), "rows added or removed: the bumped row changes in place");
        assertEquals(true, page.evaluate("document.querySelector('#row-500') === window.__rows[499]"), "row 500 is the same node");
        assertEquals(page.evaluate("window.__before[499]").toString().replace(">0</td>", ">2</td>"),
                page.evaluate("document.querySelector('#row-500').outerHTML"), "row 500 differs only in its value");
        assertEquals(1_000L, ((Number) page.evaluate("document.querySelectorAll('tbody tr').length")).longValue());
    }

    /** Bumps row 500 twice; every other row keeps its node and HTML (tagged in window.__rows, __before). */
    private static void bumpRow500Twice(Page page) {
        page.locator("#row-500 .bump").click();
        assertThat(page.locator("#row-500 .value")).hasText("1");
        page.locator("#row-500 .bump").click();
        assertThat(page.locator("#row-500 .value")).hasText("2");

        List<?> changed = (List<?>) page.evaluate("""
                [...document.querySelectorAll('tbody tr')].flatMap((tr, i) =>
                    tr === window.__rows[i] && tr.outerHTML === window.__before[i] ? [] : [tr.id])""");
        assertEquals(List.of("row-500"), changed, "rows whose node or HTML changed");
    }

    @Test
    void aBumpOfARowThatIsNotThereIsTheClientsFaultAndTheViewKeepsWorking() throws Exception {
        startServer(0);
        LivePage page = LivePage.load(server.port(), "/table/plain", null);
        try (RawWebSocket ws = RawWebSocket.open(server.port(), page.cookie(), 0)) {
            ReplyReader reader = ReplyReader.start(ws, Duration.ofSeconds(20));
            ws.sendText(RawWebSocket.frame("1", page.viewId(), "join", Map.of("token", page.token(), "csrf", page.csrf(),
                    "url", url("/table/plain"), "pristine", true)));
            List<String> ids = List.of("0", "1001", "seven", "7");
            for (int i = 0; i < ids.size(); i++) {
                ws.sendText(RawWebSocket.frame(String.valueOf(i + 2), page.viewId(), "event",
                        Map.of("type", "click", "event", "bump", "value", Map.of("id", ids.get(i)))));
            }
            assertTrue(reader.awaitReplies(5, Duration.ofSeconds(20)), "replies: " + reader.replies);
            assertEquals(List.of("ok", "bad_payload", "bad_payload", "bad_payload", "ok"), IntStream.rangeClosed(1, 5)
                    .mapToObj(ref -> ReplyReader.outcome(reader.replies.get(String.valueOf(ref)))).toList());
            // One text set to 1 (row 7's value): the refused bumps changed nothing.
            JsonNode patch = reader.replies.get("5").path(3).path("patch");
            assertEquals(1, patch.size(), patch.toString());
            assertEquals(List.of("t", "1"), List.of(patch.get(0).get(0).asText(), patch.get(0).get(2).asText()), patch.toString());
        }
    }
}
