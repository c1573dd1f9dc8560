package io.liveview.core;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How long a view's task waits for a carrier when every view's tasks are CPU-bound and come back
 * as soon as they are answered: 20 mailboxes, each task 8 ms of work, the next one queued by one
 * of two "I/O" threads as the previous ends, as a closed loop of clients does. With a fair
 * scheduler each wait is about 20 x 8 / cores ms. Prints the waits' p50, p99 and maximum.
 * Run: {@code java -cp <bench classpath> io.liveview.core.MailboxFairness}.
 */
public final class MailboxFairness {

    private static final int VIEWS = 20;
    private static final int EVENTS_PER_VIEW = 150;
    private static final long WORK_NANOS = 8_000_000;

    private static volatile long sink;

    private MailboxFairness() {
    }

    private static void work(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < end) {
            x += x * 31 + 7;
        }
        sink = x;
    }

    /** One view: its mailbox, and the events it still sends. */
    private static final class View {
        private final ExecutorService io;
        private final Mailbox mailbox;
        private final ConcurrentLinkedQueue<Long> waits;
        private final CountDownLatch done;
        private int left = EVENTS_PER_VIEW;

        View(int id, ExecutorService io, ConcurrentLinkedQueue<Long> waits, CountDownLatch done) {
            this.io = io;
            this.waits = waits;
            this.done = done;
            this.mailbox = new Mailbox(1_000, "view-" + id, null, () -> work(500_000));
        }

        void event() {
            long queued = System.nanoTime();
            mailbox.offer(() -> {
                waits.add(System.nanoTime() - queued);
                work(WORK_NANOS);
                if (--left > 0) {
                    io.execute(this::event);
                } else {
                    done.countDown();
                }
            });
        }
    }

    public static void main(String[] args) throws InterruptedException {
        ExecutorService[] io = {Executors.newSingleThreadExecutor(), Executors.newSingleThreadExecutor()};
        ConcurrentLinkedQueue<Long> waits = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(VIEWS);
        for (int i = 0; i < VIEWS; i++) {
            View view = new View(i, io[i % 2], waits, done);
            io[i % 2].execute(view::event);
        }
        done.await();
        long[] sorted = waits.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("waits for a carrier: p50 %.0f ms, p99 %.0f ms, max %.0f ms (a fair scheduler: about %d ms)%n",
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6,
                VIEWS * WORK_NANOS / 1_000_000 / Runtime.getRuntime().availableProcessors());
        for (ExecutorService thread : io) {
            thread.shutdownNow();
        }
    }
}
