package io.liveview.core;

import io.liveview.diff.Differ;
import io.liveview.diff.Patch;
import io.liveview.diff.PatchCodec;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a view's process spends on an event to one row component of a 1,000-row table, after the
 * socket read and before the write: the component's handler, its template's render, the diff
 * against its own snapshot and the encoding of the patch. The rows take turns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ComponentBenchmark {

    /** The table, placing one component a row. */
    record Table() implements LiveView {
        @Override
        public void mount(Params params, Session session, Socket socket) {
            socket.assign("rows", BenchPages.rows());
        }

        @Override
        public String template() {
            return "bench/components-table";
        }

        /** A row whose value a bump raises. */
        static final class Row implements LiveComponent {
            @Override
            public void handleEvent(String event, Payload payload, ComponentSocket socket) {
                socket.update("row", (BenchPages.Row row) -> new BenchPages.Row(row.id(), row.name(), row.value() + 1));
            }

            @Override
            public String template() {
                return "bench/components-row";
            }
        }
    }

    private final Differ differ = new Differ();
    private Renderer renderer;
    private Components components;
    private int next;

    /** Mounts the table and renders it whole, as a join does. */
    @Setup
    public void setUp() throws Exception {
        renderer = BenchPages.renderer();
        Socket socket = new Socket("bench", true, Socket.disconnected("bench"));
        Table table = new Table();
        table.mount(null, null, socket);
        components = socket.components();
        components.whole(components.renderView(renderer, table, ""), renderer, "", differ, Metrics.NONE.route(""));
    }

    /** @return the encoded patches of the event */
    @Benchmark
    public String event() throws Exception {
        int cid = 1 + next++ % BenchPages.ROWS;
        components.handleEvent(cid, "bump", null);
        Map<Integer, Patch> patches = components.renderComponents(renderer, "", differ, Metrics.NONE.route(""));
        components.roundDone();
        return PatchCodec.encode(patches.get(cid));
    }

    /** For a quick look without JMH: the mean of many events after a warm-up, and one patch. */
    public static void main(String[] args) throws Exception {
        ComponentBenchmark bench = new ComponentBenchmark();
        bench.setUp();
        for (int i = 0; i < 200_000; i++) {
            bench.event();
        }
        int n = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            bench.event();
        }
        System.out.printf("component event: %.1f us; patch %s%n", (System.nanoTime() - start) / 1e3 / n, bench.event());
    }
}
