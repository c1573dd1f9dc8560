package io.liveview.core;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * A bounded queue of tasks run one at a time, in order, on a virtual thread that exists only while
 * there is work: an idle mailbox holds no thread at all, platform or virtual.
 *
 * <p>Work (events, messages) may fill it to its capacity; small control tasks (answers that must
 * keep their place in line) may go on up to twice that, so a full mailbox can still say so in order.
 */
final class Mailbox {

    /** How long a drain runs tasks before other views waiting for a carrier go first. */
    private static final long SLICE_NANOS = 2_000_000;

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final int capacity;
    private final String threadName;
    private final Map<String, String> logContext;
    private final Runnable onIdle;

    Mailbox(int capacity, String threadName) {
        this(capacity, threadName, null, () -> { });
    }

    /**
     * @param logContext the SLF4J MDC of each task and of {@code onIdle}, exactly: whatever the
     *                   thread had (a virtual thread may inherit its starter's) or an earlier task
     *                   added is not seen, and the MDC is empty after each; {@code null} leaves the
     *                   MDC alone
     * @param onIdle     runs on the mailbox's thread whenever it has run out of tasks; no task of
     *                   this mailbox runs at the same time
     */
    Mailbox(int capacity, String threadName, Map<String, String> logContext, Runnable onIdle) {
        this.capacity = capacity;
        this.threadName = threadName;
        this.logContext = logContext;
        this.onIdle = onIdle;
    }

    /**
     * Queues a task.
     *
     * @return {@code false} if the mailbox is full and the task was dropped
     */
    boolean offer(Runnable task) {
        return offer(task, capacity);
    }

    /**
     * Queues a control task, allowed past the capacity up to twice it.
     *
     * @return {@code false} if even that is exceeded and the task was dropped
     */
    boolean offerControl(Runnable task) {
        return offer(task, 2 * capacity);
    }

    /**
     * Queues a task whatever the queue holds: for the few a process must run however flooded it
     * is (its end, releasing what a lost socket's view no longer needs). Callers queue these once
     * per such event, never per client frame.
     */
    void offerFinal(Runnable task) {
        offer(task, Integer.MAX_VALUE);
    }

    /** @return whether no task is queued or about to be */
    boolean isEmpty() {
        return size.get() == 0;
    }

    private boolean offer(Runnable task, int limit) {
        if (size.incrementAndGet() > limit) {
            size.decrementAndGet();
            return false;
        }
        tasks.add(task);
        scheduleDrain(false);
        return true;
    }

    /** @param yieldFirst let the views waiting for a carrier go first (see {@link #drain}) */
    private void scheduleDrain(boolean yieldFirst) {
        // The CAS also publishes the previous drainer's writes to the next one.
        if (draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name(threadName).start(yieldFirst ? () -> {
                Thread.yield();
                drain();
            } : this::drain);
        }
    }

    private void run(Runnable task) {
        if (logContext == null) {
            task.run();
            return;
        }
        MDC.setContextMap(logContext);
        try {
            task.run();
        } finally {
            MDC.clear();
        }
    }

    /**
     * Runs the queued tasks, then {@code onIdle}. The JDK's scheduler neither takes a running
     * virtual thread off its carrier nor serves waiting ones in order, and it runs a thread
     * started on a carrier next on that carrier: a view whose tasks keep coming (a client that
     * sends as soon as it is answered) and take milliseconds each kept a carrier while other views
     * waited for seconds. So past a time slice a drain yields before its next task, and a drain
     * that ran past it yields before it starts again; a yielding virtual thread is queued behind
     * others. Views whose tasks are short never yield.
     */
    private void drain() {
        long sliceStart = System.nanoTime();
        boolean ranLong = false;
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                size.decrementAndGet();
                run(task);
                if (System.nanoTime() - sliceStart > SLICE_NANOS && !tasks.isEmpty()) {
                    Thread.yield();
                    sliceStart = System.nanoTime();
                }
            }
            run(onIdle);
            ranLong = System.nanoTime() - sliceStart > SLICE_NANOS;
        } finally {
            draining.set(false);
            if (!tasks.isEmpty()) {
                scheduleDrain(ranLong);
            }
        }
    }
}
