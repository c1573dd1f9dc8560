package io.liveview.demo;

import java.util.List;
import java.util.stream.IntStream;

/** The rows of the table pages: ids from 1, a name made from the id, a value that starts at 0. */
public final class TableRows {

    /** How many rows a table page shows. */
    public static final int COUNT = 1_000;

    private TableRows() {
    }

    /**
     * One row of the table.
     *
     * @param id    from 1, the row's place in the table
     * @param name  a label made from the id
     * @param value how often the row was bumped
     */
    public record Row(int id, String name, int value) {

        /** @return this row with its value one higher */
        public Row bumped() {
            return new Row(id, name, value + 1);
        }
    }

    /**
     * The first rows of a fresh table.
     *
     * @param count how many
     * @return rows 1 to {@code count}, each with value 0
     */
    public static List<Row> first(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(id -> row(id, 0)).toList();
    }

    /**
     * One row.
     *
     * @param id    from 1
     * @param value how often it was bumped
     * @return the row with its name
     */
    public static Row row(int id, int value) {
        return new Row(id, "Row " + id, value);
    }
}
