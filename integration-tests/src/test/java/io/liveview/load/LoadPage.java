package io.liveview.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveview.demo.TableRows;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A demo page the load drives: its path, the click it sends, and how its state reads back from the
 * view's HTML (or, for a stream, from the replies). A click bumps one key's count: the counter has one key, the table one per row.
 */
enum LoadPage {

    /** The counter: {@code inc} raises the count. */
    COUNTER("/counter", "inc", 1) {
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
    TABLE("/table/plain", "bump", TableRows.COUNT) {
        @Override
        int[] counts(Document html) {
            int[] counts = new int[keys];
            readRows(html, counts);
            return counts;
        }
    },

    /**
     * The same table as a stream: the view keeps no rows, so its HTML on a rejoin holds none; each
     * click's reply carries its row, whose value is what the view says the count is.
     */
    TABLE_STREAM("/table/stream", "bump", TableRows.COUNT) {
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

    final String path;
    final String event;
    final int keys;

    LoadPage(String path, String event, int keys) {
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

    /** The count of every key as the view shows it. */
    abstract int[] counts(Document html);

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
