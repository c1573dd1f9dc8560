package io.liveview.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.liveview.diff.RandomRenders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The differ's property test, end to end in Chromium: the server diffs random renders
 * ({@code HtmlGenerator}, through {@link RandomRenders}), the real client applies each patch to
 * the page's DOM, and the DOM read back node by node, form state included, equals the tree of
 * the new render ({@link DomText} defines the comparison and the expected form state).
 *
 * <p>{@link HtmlSwapLive} shows the renders inside a wrapper element. A case is one random
 * document: it arrives whole (the wrapper gets a new {@code lv-key}), then {@value #EDITS} rounds
 * of random edits follow, each reaching the browser as a patch to the DOM the previous patches
 * left. Each step is a click on the view's {@code #next} button, in the page, through the
 * client's own click handling; the step is done when the step number the view renders has
 * arrived and the button is no longer {@code lv-click-loading}.
 *
 * <p>A patch the client could not apply would be hidden by its recovery (it rejoins and gets the
 * whole HTML), so the test also fails on anything the client logs as an error or a warning, and on
 * a second {@code join}.
 *
 * <p>System properties: {@code liveview.browserdiff.seed} sets the run's seed (random by default,
 * printed with the results and on failure), {@code liveview.browserdiff.cases} the number of cases
 * (default 300).
 */
class DiffInBrowserTest extends BrowserTest {

    private static final int EDITS = 3;

    /** Index of the wrapper among the root's children, in {@code templates/html-swap.html}. */
    private static final int WRAPPER = 1;

    private static final Map<String, String> OP_NAMES = Map.of(
            "t", "SetText", "a", "SetAttr", "r", "RemoveAttr", "p", "SetProperty",
            "i", "Insert", "d", "Remove", "m", "Move", "x", "Replace", "h", "ReplaceChildren");

    /** Keeps what the client logs as an error or warning, for the test to read after each step. */
    private static final String CAPTURE_LOG = """
            window.__lvLog = [];
            for (const level of ['error', 'warn']) {
              const original = console[level].bind(console);
              console[level] = (...args) => {
                window.__lvLog.push(level + ': ' + args.map(String).join(' '));
                original(...args);
              };
            }""";

    /** Clicks #next in the page, waits for the reply to that click, and reads the wrapper. */
    private static final String STEP = """
            async step => {
              const root = document.querySelector('[data-lv-root]');
              const done = () => document.getElementById('step')?.textContent === String(step)
                  && !document.getElementById('next').classList.contains('lv-click-loading');
              document.getElementById('next').click();
              if (!done()) {
                await new Promise((resolve, reject) => {
                  const observer = new MutationObserver(() => {
                    if (done()) {
                      observer.disconnect();
                      clearTimeout(timer);
                      resolve();
                    }
                  });
                  const timer = setTimeout(() => {
                    observer.disconnect();
                    reject(new Error('no reply for step ' + step + ' within 5 s'));
                  }, 5000);
                  observer.observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
                });
              }
              return {dom: (%s)(root.querySelector(':scope > [data-swap]')), log: window.__lvLog.splice(0)};
            }""".formatted(DomText.READ);

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> sent = new ArrayList<>();
    private final List<String> received = new ArrayList<>();

    @Test
    void theClientTurnsEveryRenderIntoItsTree() {
        long seed = Long.getLong("liveview.browserdiff.seed", new Random().nextLong());
        int cases = Integer.getInteger("liveview.browserdiff.cases", 300);
        long started = System.nanoTime();

        Random seeds = new Random(seed);
        List<HtmlSwapLive.Step> steps = new ArrayList<>();
        List<Long> caseSeeds = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            long caseSeed = seeds.nextLong();
            caseSeeds.add(caseSeed);
            for (String html : RandomRenders.of(caseSeed, EDITS)) {
                steps.add(new HtmlSwapLive.Step("case-" + c, html));
            }
        }
        // Clearing a list is rare in random edits (a few per thousand): one fixed case makes sure
        // every operation kind is seen in every run.
        steps.add(new HtmlSwapLive.Step("cleared", "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>"));
        steps.add(new HtmlSwapLive.Step("cleared", "<ul></ul>"));
        showAll(steps, step -> context(seed, caseSeeds, steps, step));
        Map<String, Long> counts = opCounts();
        System.out.printf("DiffInBrowserTest: seed %d, %d cases of %d edits (%d steps) in %.1f s, operations by kind: %s%n",
                seed, cases, EDITS, steps.size(), (System.nanoTime() - started) / 1e9, counts);
        for (String kind : OP_NAMES.values()) {
            assertTrue(counts.getOrDefault(kind, 0L) > 0, "no " + kind + " in " + counts + "; seed " + seed);
        }
    }

    /** Radios renamed or retyped into another one's group by a patch stay as the new HTML checks them. */
    @Test
    void checkedRadiosPatchedIntoAnotherGroupStayChecked() {
        List<HtmlSwapLive.Step> steps = List.of(
                new HtmlSwapLive.Step("radios", "<input type=radio name=a checked><input type=radio name=b checked>"),
                new HtmlSwapLive.Step("radios", "<input type=radio name=b checked><input type=radio name=a checked>"),
                new HtmlSwapLive.Step("mixed", "<input type=checkbox name=a checked><input type=radio name=b checked>"),
                new HtmlSwapLive.Step("mixed", "<input type=radio name=b checked><input type=checkbox name=a checked>"));
        showAll(steps, step -> "step " + step + ": " + steps.get(step - 1).html());
    }

    /** Shows each step in a page and asserts the DOM equals the step's tree, form state included. */
    private void showAll(List<HtmlSwapLive.Step> steps, IntFunction<String> context) {
        // Steps follow each other as fast as the page answers (near 100 a second on a quiet
        // machine): the default rate limit would refuse some, which is not what this test is about.
        startServer(0, SECRET, builder -> builder.rateLimit(100_000, 100_000)
                .live("/html-swap", () -> new HtmlSwapLive(steps)));
        Page page = newPage();
        page.addInitScript(CAPTURE_LOG);
        page.onWebSocket(ws -> {
            ws.onFrameSent(frame -> sent.add(frame.text()));
            ws.onFrameReceived(frame -> received.add(frame.text()));
        });
        open(page, "/html-swap");

        for (int s = 1; s <= steps.size(); s++) {
            int step = s;
            Map<String, Object> result = evaluateStep(page, step, context);
            List<?> log = (List<?>) result.get("log");
            if (!log.isEmpty()) {
                fail("the client logged " + log + "\n" + context.apply(step));
            }
            assertEquals(DomText.expected(steps.get(s - 1).html()), result.get("dom"),
                    () -> context.apply(step) + "\nthe trees, expected then actual:");
        }
        long joins = sent.stream().filter(frame -> frame(frame).path(2).asText().equals("join")).count();
        assertEquals(1, joins, "the client rejoined: a patch did not apply");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> evaluateStep(Page page, int step, IntFunction<String> context) {
        try {
            return (Map<String, Object>) page.evaluate(STEP, step);
        } catch (PlaywrightException e) {
            throw new AssertionError(e.getMessage() + "\n" + context.apply(step), e);
        }
    }

    /** Where a step failed, how to rerun it, and what the page was given. */
    private String context(long seed, List<Long> caseSeeds, List<HtmlSwapLive.Step> steps, int step) {
        int c = (step - 1) / (EDITS + 1);
        int render = (step - 1) % (EDITS + 1);
        if (c >= caseSeeds.size()) {
            return "the fixed case after the random ones (seed " + seed + "), step " + step + ": " + steps.get(step - 1).html();
        }
        return "case " + c + " (case seed " + caseSeeds.get(c) + "), render " + render + " of the case;"
                + " rerun with -Dliveview.browserdiff.seed=" + seed
                + (render == 0 ? "" : "\nold:   " + DomText.visible(steps.get(step - 2).html()))
                + "\nnew:   " + DomText.visible(steps.get(step - 1).html())
                + "\nlast frame received: " + (received.isEmpty() ? "none" : DomText.visible(received.getLast()));
    }

    private JsonNode frame(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON frame: " + text, e);
        }
    }

    /** Counts the operations of every patch received that act inside the wrapper. */
    private Map<String, Long> opCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String text : received) {
            for (JsonNode op : frame(text).path(3).path("patch")) {
                String code = op.get(0).asText();
                JsonNode path = op.get(1);
                // i and m address the parent; the others the node itself, and the wrapper's own
                // replacement at the start of a case is not part of any case's diff.
                int depth = code.equals("i") || code.equals("m") || code.equals("h") ? 1 : 2;
                if (path.size() >= depth && path.get(0).asInt() == WRAPPER) {
                    counts.merge(OP_NAMES.get(code), 1L, Long::sum);
                }
            }
        }
        return counts;
    }
}
