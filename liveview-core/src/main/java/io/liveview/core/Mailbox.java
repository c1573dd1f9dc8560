package io.liveview.core;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded queue of tasks run one at a time, in order, on a virtual thread that exists only while
 * there is work: an idle mailbox holds no thread at all, platform or virtual.
 */
final class Mailbox {

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final int capacity;
    private final String threadName;

    Mailbox(int capacity, String threadName) {
        this.capacity = capacity;
        this.threadName = threadName;
    }

    /**
     * Queues a task.
     *
     * @return {@code false} if the mailbox is full and the task was dropped
     */
    boolean offer(Runnable task) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        tasks.add(task);
        scheduleDrain();
        return true;
    }

    private void scheduleDrain() {
        // The CAS also publishes the previous drainer's writes to the next one.
        if (draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name(threadName).start(this::drain);
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                size.decrementAndGet();
                task.run();
            }
        } finally {
            draining.set(false);
            if (!tasks.isEmpty()) {
                scheduleDrain();
            }
        }
    }
}
