package io.liveview.core;

import io.liveview.diff.Differ;
import io.liveview.diff.PatchCodec;
import io.liveview.diff.Snapshot;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time per diff next to the time of the Thymeleaf render of the same page: what a view's process
 * spends per event after the handler. {@code diff} is {@link Differ#diff} plus
 * {@link PatchCodec#encode} of its patch; {@code render} renders the page after the event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DiffBenchmark {

    /** Which {@link BenchPages} scenario. */
    @Param({"counter", "table-change", "table-reorder", "table-insert", "table-clear", "form"})
    public String scenario;

    private final Differ differ = new Differ();
    private Renderer renderer;
    private BenchPages.Scenario page;
    private Snapshot before;
    private String after;

    /** Renders both sides once. */
    @Setup
    public void setUp() {
        renderer = BenchPages.renderer();
        page = BenchPages.scenario(scenario);
        before = Snapshot.of(renderer.render(page.template(), page.before(), ""));
        after = renderer.render(page.template(), page.after(), "");
    }

    /** @return the encoded patch */
    @Benchmark
    public String diff() {
        return PatchCodec.encode(differ.diff(before, after).patch());
    }

    /** @return the page after the event */
    @Benchmark
    public String render() {
        return renderer.render(page.template(), page.after(), "");
    }
}
