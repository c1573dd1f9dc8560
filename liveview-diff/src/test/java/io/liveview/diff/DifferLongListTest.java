package io.liveview.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Long keyed lists, as a table of a thousand rows renders them: the cases where the differ
 * pairs unchanged leading and trailing children without planning them, and tracks positions
 * in a tree instead of a list.
 */
class DifferLongListTest {

    private static final int ROWS = 1_000;

    private final Differ differ = new Differ();

    private record Row(int id, String value) {}

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int id = 1; id <= ROWS; id++) {
            rows.add(new Row(id, "v" + id));
        }
        return rows;
    }

    private static String table(List<Row> rows) {
        StringBuilder html = new StringBuilder("<table>\n  <tbody>");
        for (Row row : rows) {
            html.append("\n    <tr lv-key=\"").append(row.id()).append("\">\n      <td>")
                    .append(row.id()).append("</td>\n      <td>").append(row.value())
                    .append("</td>\n    </tr>");
        }
        return html.append("\n  </tbody>\n</table>\n").toString();
    }

    /** Diffs, checks the patch turns the old table into the new one, and returns its ops. */
    private List<Op> ops(UnaryOperator<List<Row>> edit) {
        List<Row> before = rows();
        String oldHtml = table(before);
        String newHtml = table(edit.apply(new ArrayList<>(before)));
        Patch patch = differ.diff(Snapshot.of(oldHtml), newHtml).patch();
        Trees.assertPatchTransforms(oldHtml, patch, newHtml);
        assertEquals(patch, PatchCodec.decode(PatchCodec.encode(patch)));
        return patch.ops();
    }

    private static List<String> kinds(List<Op> ops) {
        return ops.stream().map(op -> op.getClass().getSimpleName()).distinct().toList();
    }

    @Test
    void oneChangedCellIsOneSetText() {
        List<Op> ops = ops(rows -> {
            rows.set(500, new Row(501, "changed"));
            return rows;
        });
        assertEquals(List.of(new Op.SetText(List.of(0, 1, 1001, 3, 0), "changed")), ops);
    }

    @Test
    void aRowInsertedAtTheTopIsOneInsert() {
        List<Op> ops = ops(rows -> {
            rows.addFirst(new Row(0, "new"));
            return rows;
        });
        assertEquals(List.of("Insert"), kinds(ops));
        assertEquals(1, ops.size());
    }

    @Test
    void reversingOnlyMoves() {
        List<Op> ops = ops(rows -> {
            Collections.reverse(rows);
            return rows;
        });
        assertEquals(List.of("Move"), kinds(ops));
        assertTrue(ops.size() <= ROWS, ops.size() + " moves");
    }

    @Test
    void shufflesAndEditsTogetherApply() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            int firstNewId = ROWS + round * 10;
            ops(rows -> {
                int from = random.nextInt(ROWS / 2);
                Collections.shuffle(rows.subList(from, ROWS / 2 + random.nextInt(ROWS / 2)), random);
                for (int k = 0; k < 5; k++) {
                    rows.remove(random.nextInt(rows.size()));
                    rows.add(random.nextInt(rows.size()), new Row(firstNewId + k, "n"));
                    rows.set(random.nextInt(rows.size()), new Row(-k - 1, "rekeyed"));
                }
                return rows;
            });
        }
    }

    @Test
    void removingAllRowsReplacesTheChildrenInOneOperation() {
        // Not one removal per row and per whitespace node: the body's new children, only whitespace.
        assertEquals(List.of(new Op.ReplaceChildren(List.of(0, 1), "\n  ")), ops(rows -> List.of()));
    }
}
