package io.liveview.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.liveview.diff.Differ;
import io.liveview.diff.Html;
import io.liveview.diff.Patch;
import io.liveview.diff.PatchCodec;
import io.liveview.diff.Snapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.util.ObjectUtils;
import org.openjdk.jol.vm.VM;

/**
 * The benchmark run of docs/benchmarks.md: prints patch and page sizes and the bytes retained per
 * view (JOL), then runs {@link DiffBenchmark} with JMH, passing on the command line's arguments.
 */
public final class Bench {

    private Bench() {
    }

    /**
     * Runs the size report and JMH.
     *
     * @param args JMH options, e.g. {@code -f 1 -wi 3 -i 5}
     * @throws Exception if a view does not answer, or JMH fails
     */
    public static void main(String[] args) throws Exception {
        System.out.println(VM.current().details());
        Renderer renderer = BenchPages.renderer();
        Differ differ = new Differ();
        boolean memoryOnly = args.length > 0 && args[0].equals("memory");
        if (!memoryOnly) {
            sizes(renderer, differ);
            retained(renderer);
        }
        idleView("counter", "/counter", BenchCounterLive::new);
        idleView("table (1,000 rows)", "/table", BenchTableLive::new);
        BenchWaiting.run(Integer.getInteger("bench.counters", 2_000), Integer.getInteger("bench.tables", 100));
        if (!memoryOnly) {
            cpuRatios(renderer, differ);
            org.openjdk.jmh.Main.main(args);
        }
    }

    private static void sizes(Renderer renderer, Differ differ) {
        System.out.println("\n| scenario | ops | patch bytes | full HTML bytes |");
        System.out.println("|---|---|---|---|");
        for (String name : BenchPages.NAMES) {
            BenchPages.Scenario page = BenchPages.scenario(name);
            String before = renderer.render(page.template(), page.before(), "");
            String after = renderer.render(page.template(), page.after(), "");
            Patch patch = differ.diff(Snapshot.of(before), after).patch();
            System.out.printf("| %s | %,d | %,d | %,d |%n", name, patch.ops().size(),
                utf8(PatchCodec.encode(patch)), utf8(after));
        }
    }

    private static void retained(Renderer renderer) {
        System.out.println("\n| page | HTML bytes | Snapshot retained bytes | jsoup tree bytes |");
        System.out.println("|---|---|---|---|");
        Map<String, BenchPages.Scenario> pages = Map.of(
            "counter", BenchPages.scenario("counter"), "table (1,000 rows)", BenchPages.scenario("table-change"));
        for (var entry : pages.entrySet()) {
            BenchPages.Scenario page = entry.getValue();
            String html = renderer.render(page.template(), page.before(), "");
            System.out.printf("| %s | %,d | %,d | %,d |%n", entry.getKey(), utf8(html),
                GraphLayout.parseInstance(Snapshot.of(html)).totalSize(),
                GraphLayout.parseInstance(Html.parseFragment(html)).totalSize());
        }
    }

    /**
     * Heap of one idle connected view: the process and all it reaches (view, socket, assigns,
     * mailbox, snapshot) minus what every view shares (the server with its renderer and differ,
     * the connection).
     */
    private static void idleView(String page, String route, Supplier<? extends LiveView> factory) throws Exception {
        LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        ViewProcess.Outbox outbox = frames::add;
        try (LiveViewServer server = LiveViewServer.builder().live(route, factory).port(0).start()) {
            ViewProcess process = new ViewProcess("lv-" + Tokens.randomId(), route, "", outbox, server);
            process.claim();
            process.join("1", factory, List.of(), new Params(route, Map.of()),
                new Session(Tokens.randomId(), Map.of()), false, "", null);
            int joinReply = utf8(expectReply(frames).encode());
            Thread.sleep(100); // lets the mailbox's virtual thread finish
            long joined = exclusiveSize(process, outbox, server);
            process.event("2", "inc", new Payload("click", JsonNodeFactory.instance.objectNode(), null));
            int eventReply = utf8(expectReply(frames).encode());
            Thread.sleep(100);
            long afterEvent = exclusiveSize(process, outbox, server);
            System.out.printf("%nidle connected %s view: %,d bytes after join, %,d bytes after one event%n",
                page, joined, afterEvent);
            System.out.printf("%s frames: join reply with the HTML %,d bytes, event reply %d bytes%n",
                page, joinReply, eventReply);
        }
    }

    private static Frame expectReply(LinkedBlockingQueue<Frame> frames) throws InterruptedException {
        Frame frame = frames.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new IllegalStateException("the view did not answer");
        }
        return frame;
    }

    /**
     * Diff and render timed alternately in this JVM, by the thread's CPU time: on a machine
     * shared with other work the JMH means move with the load, their ratio much less. Prints
     * the median over rounds of each, per operation.
     */
    private static void cpuRatios(Renderer renderer, Differ differ) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("| scenario | diff CPU us/op | render CPU us/op | diff / render |");
        System.out.println("|---|---|---|---|");
        for (String name : BenchPages.NAMES) {
            BenchPages.Scenario page = BenchPages.scenario(name);
            Snapshot before = Snapshot.of(renderer.render(page.template(), page.before(), ""));
            String after = renderer.render(page.template(), page.after(), "");
            Runnable diff = () -> PatchCodec.encode(differ.diff(before, after).patch());
            Runnable render = () -> renderer.render(page.template(), page.after(), "");
            int rounds = 15;
            double[] diffs = new double[rounds];
            double[] renders = new double[rounds];
            for (int round = -5; round < rounds; round++) {
                double d = cpuPerOp(threads, diff);
                double r = cpuPerOp(threads, render);
                if (round >= 0) {
                    diffs[round] = d;
                    renders[round] = r;
                }
            }
            Arrays.sort(diffs);
            Arrays.sort(renders);
            double d = diffs[rounds / 2];
            double r = renders[rounds / 2];
            System.out.printf("| %s | %,.1f | %,.1f | %.2f |%n", name, d, r, d / r);
        }
        System.out.println();
    }

    /** Runs the task for about 200 ms; the thread's CPU microseconds per run. */
    private static double cpuPerOp(ThreadMXBean threads, Runnable task) {
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        int runs = 0;
        do {
            task.run();
            runs++;
        } while (System.nanoTime() - start < 200_000_000L);
        return (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / runs;
    }

    /**
     * The bytes of the objects reachable from {@code root} without passing through
     * {@code shared}, walked like JOL's {@link GraphLayout} but stopping at the shared objects and at
     * {@link #sharedByAll}
     * (a walk of the renderer's graph would take megabytes of class loader and caches along).
     */
    static long exclusiveSize(Object root, Object... shared) {
        return exclusiveSize(null, root, shared);
    }

    /** Also adds each class's instances and bytes to {@code histogram}, if given. */
    static long exclusiveSize(Map<Class<?>, long[]> histogram, Object root, Object... shared) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(Arrays.asList(shared));
        ArrayDeque<Object> queue = new ArrayDeque<>(List.of(root));
        seen.add(root);
        long total = 0;
        while (!queue.isEmpty()) {
            Object object = queue.poll();
            long size = VM.current().sizeOf(object);
            total += size;
            if (histogram != null) {
                long[] entry = histogram.computeIfAbsent(object.getClass(), c -> new long[2]);
                entry[0]++;
                entry[1] += size;
            }
            List<Object> references = new ArrayList<>();
            if (object instanceof Object[] array) {
                references.addAll(Arrays.asList(array));
            } else {
                for (Class<?> c = object.getClass(); c != null; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                            references.add(ObjectUtils.value(object, field));
                        }
                    }
                }
            }
            for (Object reference : references) {
                if (reference != null && !sharedByAll(reference) && seen.add(reference)) {
                    queue.add(reference);
                }
            }
        }
        return total;
    }

    /**
     * Classes, class loaders, threads and executors belong to the whole JVM: a walk through a
     * scheduled task's executor would reach its thread and from there the class loaders.
     */
    private static boolean sharedByAll(Object object) {
        return object instanceof Class || object instanceof ClassLoader || object instanceof Thread
            || object instanceof java.util.concurrent.Executor;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
