package io.liveview.load;

import io.liveview.load.LoadRun.ChurnResult;
import io.liveview.load.LoadRun.IdleResult;
import io.liveview.load.LoadRun.LoopResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one load run, written as JSON and as the Markdown that stands between the
 * markers {@value #BEGIN} and {@value #END} of docs/benchmarks.md.
 *
 * @param date            when the run started (ISO-8601, UTC)
 * @param machine         CPU, cores, memory, load average before and after, Java
 * @param serverJvmFlags  the server JVM's options
 * @param sizes           how big the run was
 * @param seconds         how long the whole run took
 * @param loops           scenarios 1 and 2, then scenario 5's loops (whole renders)
 * @param baseline        each loop of scenario 5 set against the same loop with diffs
 * @param idle            scenario 3
 * @param churn           scenario 4
 */
record LoadReport(String date, Map<String, String> machine, List<String> serverJvmFlags, LoadRun.Sizes sizes,
                  double seconds, List<LoopResult> loops, List<Comparison> baseline, IdleResult idle, ChurnResult churn) {

    static final String BEGIN = "<!-- load run: begin (written by LoadTest) -->";
    static final String END = "<!-- load run: end -->";

    /**
     * One loop with diffs against the same loop (page and views) with whole renders: each figure
     * of ours, the baseline's, and ours divided by the baseline's.
     */
    record Comparison(String scenario, double bytesPerReply, double baselineBytesPerReply, double bytesPerReplyRatio,
                      double eventsPerSecond, double baselineEventsPerSecond, double eventsPerSecondRatio) {

        /** Pairs each whole-render loop with the loop of the same page and views that got diffs. */
        static List<Comparison> of(List<LoopResult> loops) {
            return loops.stream().filter(LoopResult::wholeRenders).map(whole -> {
                LoopResult ours = loops.stream()
                        .filter(r -> !r.wholeRenders() && r.path().equals(whole.path()) && r.views() == whole.views())
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no loop with diffs to set against " + whole.scenario()));
                return new Comparison(ours.scenario(), ours.bytesPerReply(), whole.bytesPerReply(),
                        ours.bytesPerReply() / whole.bytesPerReply(), ours.eventsPerSecond(), whole.eventsPerSecond(),
                        ours.eventsPerSecond() / whole.eventsPerSecond());
            }).toList();
        }
    }

    /** Writes the JSON. */
    void writeJson(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        LiveSocket.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    }

    /** Replaces what stands between the markers of a Markdown file with {@link #markdown}. */
    void writeInto(Path markdownFile, String jsonName) throws IOException {
        String text = Files.readString(markdownFile);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException(markdownFile + " has no markers " + BEGIN + " ... " + END);
        }
        Files.writeString(markdownFile, text.substring(0, begin + BEGIN.length()) + "\n" + markdown(jsonName) + text.substring(end));
    }

    /** The run as Markdown: what ran where, then one table per kind of scenario. */
    String markdown(String jsonName) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, """
                Run of %s, %.0f s in all (`bash .ci/load`; figures also in [%s](bench/%s)). Machine: %s, \
                %s cores, %s of memory, load average %s before and %s after: the machine was shared with \
                other builds and browser tests, and the clients ran on it beside the server. Server JVM: \
                Java %s, `%s` (the whole-render server's the same with `-D%s=true`); clients in the test JVM \
                (java.net.http), one socket per view in the loops.

                | scenario | views | events | events/s | p50 ms | p99 ms | p99.9 ms | max ms | bytes per reply | errors | counts read back | server event / render / diff, mean µs |
                |---|---|---|---|---|---|---|---|---|---|---|---|
                """, date, seconds, jsonName, jsonName, machine.get("cpu"), machine.get("cores"), machine.get("memory"),
                machine.get("loadBefore"), machine.get("loadAfter"), machine.get("java"), String.join(" ", serverJvmFlags),
                LoadServer.WHOLE_RENDERS));
        for (LoopResult r : loops) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %.2f | %.2f | %.2f | %.1f | %.1f | %d | %s | %.0f / %.0f / %.0f |%n",
                    r.scenario(), r.views(), r.events(), r.eventsPerSecond(), r.p50Ms(), r.p99Ms(), r.p999Ms(), r.maxMs(),
                    r.bytesPerReply(), r.errors(), r.countMismatches() == 0 ? "all equal" : r.countMismatches() + " views differ",
                    r.serverEventUs(), r.serverRenderUs(), r.serverDiffUs()));
        }
        md.append("""

                | diffs against whole renders (ours / baseline) | bytes per reply: ours, whole | ours / whole | events/s: ours, whole | ours / whole |
                |---|---|---|---|---|
                """);
        for (Comparison c : baseline) {
            md.append(String.format(Locale.ROOT, "| %s | %,.1f, %,.1f | **%.3g** | %,.0f, %,.0f | **%.2f** |%n", c.scenario(),
                    c.bytesPerReply(), c.baselineBytesPerReply(), c.bytesPerReplyRatio(), c.eventsPerSecond(),
                    c.baselineEventsPerSecond(), c.eventsPerSecondRatio()));
        }
        md.append(String.format(Locale.ROOT, """

                | idle counter views | sockets | server heap after GC: before / with the views | per view | RSS before / with | RSS per view | after all closed: views, connections retained; heap after GC | errors |
                |---|---|---|---|---|---|---|---|
                | %,d | %,d | %,d / %,d KB | **%,.0f B** | %,d / %,d KB | %,.0f B | %d, %d; %,d KB | %d |

                | churn (GET, connect, join, click, leave, close) | at once | seconds | visits/s | errors | views, connections retained | server heap after GC: before / right after / %d s later |
                |---|---|---|---|---|---|---|
                | %,d visits | %d | %.0f | %,.0f | %d | %d, %d | %,d / %,d / %,d KB |
                """, idle.views(), idle.sockets(), idle.heapBaselineKb(), idle.heapKb(), idle.heapPerViewBytes(),
                idle.rssBaselineKb(), idle.rssKb(), idle.rssPerViewBytes(), idle.retainedAfterClose(), idle.connectionsAfterClose(), idle.heapAfterCloseKb(),
                idle.errors(), sizes.settleSeconds(), churn.cycles(), sizes.churnWorkers(), churn.seconds(), churn.cyclesPerSecond(), churn.errors(),
                churn.retained(), churn.connectionsLeft(), churn.heapBeforeKb(), churn.heapAfterKb(), churn.heapSettledKb()));
        String kinds = loops.stream().flatMap(r -> r.errorKinds().entrySet().stream())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        if (!kinds.isEmpty()) {
            md.append("\nErrors by kind in the loops: ").append(kinds).append(".\n");
        }
        return md.toString();
    }
}
