package io.liveview.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveview.demo.TableRows;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A demo page the load drives: its path, the click it sends (to the view or to a row's component),
 * and how its state reads back from the view's HTML (or, for a stream, from the replies). A click
 * bumps one key's count: the counter has one key, the table one per row.
 */
enum LoadPage {

    /** The counter: {@code inc} raises the count. */
    COUNTER("counter", "/counter", "inc", 1) {
        @Override
        Map<String, String> values(int key) {
            return Map.of();
        }

        @Override
        int[] counts(Document html) {
            return new int[] {Integer.parseInt(html.selectFirst("h1 span").text())};
        }
    },

    /** The 1,000-row table as a plain list: {@code bump} with {@code id} raises that row's value. */
    TABLE("table, plain list", "/table/plain", "bump", TableRows.COUNT),

    /**
     * The same table as 1,000 row components: {@code bump}, with no values, goes to the row's
     * component, whose number the row's {@code lv-cid} carries in the view's HTML.
     */
    TABLE_COMPONENTS("table, components", "/table", "bump", TableRows.COUNT) {
        @Override
        Map<String, String> values(int key) {
            return Map.of();
        }

        @Override
        boolean targeted() {
            return true;
        }

        @Override
        int[] components(String html) {
            int[] cids = new int[keys];
            for (Element row : Jsoup.parseBodyFragment(html).select("tbody tr[lv-cid]")) {
                cids[Integer.parseInt(row.id().substring("row-".length())) - 1] = Integer.parseInt(row.attr("lv-cid"));
            }
            // A row without one would send its clicks to the view, which has no bump.
            if (Arrays.stream(cids).anyMatch(cid -> cid == LiveSocket.NO_COMPONENT)) {
                throw new IllegalStateException("not every row of " + path + " has an lv-cid in the view's HTML");
            }
            return cids;
        }
    },

    /**
     * The same table as a stream: the view keeps no rows, so its HTML on a rejoin holds none; each
     * click's reply carries its row, whose value is what the view says the count is.
     */
    TABLE_STREAM("table, stream", "/table/stream", "bump", TableRows.COUNT) {
        @Override
        int[] counts(Document html) {
            throw new UnsupportedOperationException("a stream's rows are not in the view's HTML; see seen()");
        }

        @Override
        boolean streamed() {
            return true;
        }

        @Override
        void seen(JsonNode reply, int[] counts) {
            for (JsonNode op : reply.path("patch")) {
                if (op.path(0).asText().equals("i")) {
                    readRows(Jsoup.parseBodyFragment("<table><tbody>" + op.path(3).asText() + "</tbody></table>"), counts);
                }
            }
        }
    };

    private static void readRows(Document html, int[] counts) {
        for (Element row : html.select("tbody tr")) {
            counts[Integer.parseInt(row.selectFirst(".id").text()) - 1] = Integer.parseInt(row.selectFirst(".value").text());
        }
    }

    /** How the run's tables name the page. */
    final String label;
    final String path;
    final String event;
    final int keys;

    LoadPage(String label, String path, String event, int keys) {
        this.label = label;
        this.path = path;
        this.event = event;
        this.keys = keys;
    }

    /** A key to click, at random. */
    int pick() {
        return ThreadLocalRandom.current().nextInt(keys);
    }

    /** The click's {@code lv-value-*} values for a key: a table row's id, from 1. */
    Map<String, String> values(int key) {
        return Map.of("id", String.valueOf(key + 1));
    }

    /** The count of every key as the view shows it: by default, each table row's value. */
    int[] counts(Document html) {
        int[] counts = new int[keys];
        readRows(html, counts);
        return counts;
    }

    /** Whether clicks go to components, whose numbers only the view's HTML tells ({@link #components}). */
    boolean targeted() {
        return false;
    }

    /** Each key's component, from the inner HTML of the view's root; for {@link #targeted} pages only. */
    int[] components(String html) {
        throw new UnsupportedOperationException(this + " sends its clicks to the view");
    }

    /** Whether the view's HTML holds no counts, which its replies carry instead ({@link #seen}). */
    boolean streamed() {
        return false;
    }

    /** Records the counts a click's reply shows. */
    void seen(JsonNode reply, int[] counts) {
    }

    /** The count of every key in the inner HTML of the view's root. */
    int[] counts(String html) {
        return counts(Jsoup.parseBodyFragment(html));
    }
}
