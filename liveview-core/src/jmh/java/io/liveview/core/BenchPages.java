package io.liveview.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The pages and edits the benchmarks measure: each scenario is a template rendered with the
 * variables before an event and after it.
 */
public final class BenchPages {

    /** Rows of the table page. */
    static final int ROWS = 1_000;

    /** Fields of the form page. */
    static final int FIELDS = 200;

    /** The scenario names, as given to JMH's {@code -p scenario=...}. */
    static final String[] NAMES = {
        "counter", "table-change", "table-reorder", "table-insert", "table-clear", "form"};

    private static final String[] NAMES_OF_PEOPLE = {
        "Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov",
        "Donald Knuth", "Margaret Hamilton", "John McCarthy", "Frances Allen", "Ken Thompson"};

    private BenchPages() {
    }

    /**
     * One measured edit.
     *
     * @param name     the scenario's name
     * @param template the template, under {@code templates/}
     * @param before   the variables of the render the client shows
     * @param after    the variables after the event
     */
    record Scenario(String name, String template, Map<String, Object> before, Map<String, Object> after) {
    }

    /**
     * A row of the table page.
     *
     * @param id    the row's id, also its {@code lv-key}
     * @param name  the name cell
     * @param value the value cell
     */
    public record Row(int id, String name, int value) {
    }

    /**
     * A field of the form page.
     *
     * @param name  the input's name and id
     * @param label the label's text
     * @param value the input's value
     */
    public record Field(String name, String label, String value) {
    }

    /** The renderer of the benchmark templates ({@code src/jmh/resources/templates/bench}). */
    static Renderer renderer() {
        return new Renderer(BenchPages.class.getClassLoader());
    }

    static Scenario scenario(String name) {
        List<Row> rows = rows();
        return switch (name) {
            case "counter" -> new Scenario(name, "bench/counter", Map.of("count", 41), Map.of("count", 42));
            case "table-change" -> {
                List<Row> changed = new ArrayList<>(rows);
                Row row = changed.get(ROWS / 2);
                changed.set(ROWS / 2, new Row(row.id(), row.name(), row.value() + 1));
                yield table(name, rows, changed);
            }
            case "table-reorder" -> {
                // Sorting by id descending: every row but one moves, the worst case for moves.
                List<Row> reversed = new ArrayList<>(rows);
                Collections.reverse(reversed);
                yield table(name, rows, reversed);
            }
            case "table-insert" -> {
                List<Row> inserted = new ArrayList<>(rows);
                inserted.addFirst(new Row(ROWS + 1, "Niklaus Wirth", 4_242));
                yield table(name, rows, inserted);
            }
            case "table-clear" -> table(name, rows, List.of());
            case "form" -> {
                List<Field> fields = fields();
                List<Field> changed = new ArrayList<>(fields);
                Field field = changed.get(FIELDS / 2);
                changed.set(FIELDS / 2, new Field(field.name(), field.label(), field.value() + "x"));
                yield new Scenario(name, "bench/form", Map.of("fields", fields), Map.of("fields", changed));
            }
            default -> throw new IllegalArgumentException("no scenario " + name);
        };
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>(ROWS);
        for (int id = 1; id <= ROWS; id++) {
            rows.add(new Row(id, NAMES_OF_PEOPLE[id % NAMES_OF_PEOPLE.length], id * 7_919 % 10_000));
        }
        return rows;
    }

    private static List<Field> fields() {
        List<Field> fields = new ArrayList<>(FIELDS);
        for (int i = 1; i <= FIELDS; i++) {
            fields.add(new Field("field" + i, "Field " + i, "value " + i));
        }
        return fields;
    }

    private static Scenario table(String name, List<Row> before, List<Row> after) {
        return new Scenario(name, "bench/table", Map.of("rows", before), Map.of("rows", after));
    }
}
