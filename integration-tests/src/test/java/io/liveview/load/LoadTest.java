package io.liveview.load;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveview.it.DemoProcess;
import io.liveview.load.LoadRun.LoopResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The load generator's scenarios against the demo in a child JVM ({@link LoadServer}), then
 * scenario 5 against a second one that sends whole renders, started once the first has stopped. By default
 * a smoke run (a few views, seconds) that checks only what must hold whatever the machine: no
 * errors, the counts read back from the server equal to the clicks, no view and no connection
 * retained after close; never a time. With {@code -Dliveview.load=full} ({@code bash .ci/load}) the full run, whose
 * figures go to {@code docs/bench/load-<date>.json} and docs/benchmarks.md;
 * {@code -Dliveview.load.jfr=<file>} records the server with JFR during the 100-view counter loop.
 */
class LoadTest {

    /** The server JVM's options: a heap large enough that 10,000 views never press it. */
    static final List<String> SERVER_FLAGS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError");
    private static final LoadRun.Sizes SMOKE = new LoadRun.Sizes(20, 4, 10, 2, 5, 5, 10, 3, 120, 100, 20, 2, 60, 60, 0);
    private static final LoadRun.Sizes FULL = new LoadRun.Sizes(5_000, 100, 1_000, 20, 150, 1_000, 1_000, 25, 10_000, 100,
            100_000, 8, 150, 240, 12);
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void everyScenario() throws Exception {
        boolean full = "full".equals(System.getProperty("liveview.load"));
        LoadRun.Sizes sizes = full ? FULL : SMOKE;
        String jfr = System.getProperty("liveview.load.jfr", "");
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = loadAverage();
        List<LoopResult> loops = new ArrayList<>();
        LoadRun.IdleResult idle;
        LoadRun.ChurnResult churn;
        try (DemoProcess server = startServer(false)) {
            LoadRun run = new LoadRun(server, sizes);
            loops.add(run.counterSerial());
            if (!jfr.isEmpty()) {
                server.jcmd("JFR.start", "name=load", "settings=profile", "filename=" + Path.of(jfr).toAbsolutePath());
            }
            loops.add(run.counterLoop());
            if (!jfr.isEmpty()) {
                server.jcmd("JFR.stop", "name=load");
            }
            loops.add(run.tableLoop());
            loops.add(run.tableComponentsLoop());
            loops.add(run.tableStreamLoop());
            idle = run.idle();
            churn = run.churn();
        }
        // The baseline's server after the other has gone, so that the two never share the cores.
        try (DemoProcess baseline = startServer(true)) {
            loops.addAll(new LoadRun(baseline, sizes).wholeRenderLoops());
        }
        LoadReport report = new LoadReport(started.toString(), machine(loadBefore), SERVER_FLAGS, sizes,
                Duration.between(started, Instant.now()).toSeconds(), loops, LoadReport.Comparison.of(loops), idle, churn);
        String name = "load-" + (full ? started.toString().substring(0, 10) : "smoke") + ".json";
        report.writeJson(Path.of("target", name));
        if (full) {
            report.writeJson(DOCS.resolve("bench").resolve(name));
            report.writeInto(DOCS.resolve("benchmarks.md"), name);
        }
        System.out.println(report.markdown(name));

        List<Executable> checks = new ArrayList<>();
        for (LoopResult loop : report.loops()) {
            checks.add(() -> assertEquals(Map.of(), loop.errorKinds(), loop.scenario() + ": errors"));
            checks.add(() -> assertEquals(0, loop.countMismatches(), loop.scenario() + ": views whose counts read back differ from their clicks"));
        }
        checks.add(() -> assertEquals(Map.of(), report.idle().errorKinds(), "idle views: errors"));
        checks.add(() -> assertEquals(0, report.idle().retainedAfterClose(), "idle views retained after their sockets closed"));
        checks.add(() -> assertEquals(Map.of(), report.churn().errorKinds(), "churn: errors"));
        checks.add(() -> assertEquals(0, report.idle().connectionsAfterClose(), "idle views: Connection objects left after their sockets closed"));
        checks.add(() -> assertEquals(0, report.churn().retained(), "churn: views retained"));
        checks.add(() -> assertEquals(0, report.churn().connectionsLeft(), "churn: Connection objects left after the visits"));
        if (!full) {
            // The full run may stop a phase at its time limit; the smoke run is far from it.
            checks.add(() -> assertEquals(Stream.of(sizes.serialEvents(), sizes.loopViews() * sizes.loopEvents(),
                    sizes.tableViews() * sizes.tableEvents(), sizes.tableViews() * sizes.rowEvents(), sizes.tableViews() * sizes.rowEvents(),
                    sizes.loopViews() * sizes.wholeCounterEvents(), sizes.tableViews() * sizes.wholeTableEvents(),
                    sizes.tableViews() * sizes.wholeTableEvents()).map(Long::valueOf).toList(),
                    report.loops().stream().map(LoopResult::events).toList(), "measured clicks"));
            checks.add(() -> assertEquals(sizes.churnCycles(), report.churn().cycles(), "churn visits"));
        }
        checks.add(() -> assertEquals(List.of(false, false, false, false, false, true, true, true),
                report.loops().stream().map(LoopResult::wholeRenders).toList(), "loops against the whole-render server"));
        assertAll(checks);
    }

    // The load server, sending diffs or (the baseline) whole renders, with its log in target/.
    private static DemoProcess startServer(boolean wholeRenders) throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(SERVER_FLAGS);
        flags.add("-D" + LoadServer.WHOLE_RENDERS + "=" + wholeRenders);
        return DemoProcess.start(LoadServer.class.getName(), flags, "load-test-secret-0123456789abcdef",
                Path.of("target", wholeRenders ? "load-server-whole-renders.log" : "load-server.log"));
    }

    private static Map<String, String> machine(String loadBefore) throws IOException {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?"));
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GB").findFirst().orElse("?"));
        machine.put("loadBefore", loadBefore);
        machine.put("loadAfter", loadAverage());
        machine.put("java", Runtime.version().toString());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }

    // The 1-minute load average, the first figure of /proc/loadavg.
    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
