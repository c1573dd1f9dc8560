package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MailboxTest {

    @Test
    void tasksRunInOrderOneAtATimeOnVirtualThreads() throws Exception {
        Mailbox mailbox = new Mailbox(100_000, "test");
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean inside = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        int producers = 4;
        int perProducer = 5_000;
        CountDownLatch done = new CountDownLatch(producers * perProducer);
        List<Thread> started = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            started.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perProducer; i++) {
                    int n = producer * perProducer + i;
                    assertTrue(mailbox.offer(() -> {
                        if (!inside.compareAndSet(false, true)) {
                            overlaps.incrementAndGet();
                        }
                        threads.add(Thread.currentThread());
                        seen.add(n);
                        inside.set(false);
                        done.countDown();
                    }));
                }
            }));
        }
        for (Thread t : started) {
            t.join();
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        assertEquals(producers * perProducer, seen.size());
        for (int p = 0; p < producers; p++) {
            int producer = p;
            List<Integer> mine = seen.stream().filter(n -> n / perProducer == producer).toList();
            for (int i = 1; i < mine.size(); i++) {
                assertTrue(mine.get(i - 1) < mine.get(i), "each producer's tasks run in the order offered");
            }
        }
        assertTrue(threads.stream().allMatch(Thread::isVirtual));
    }

    @Test
    void anIdleMailboxHoldsNoThread() throws Exception {
        Mailbox mailbox = new Mailbox(10, "test");
        List<Thread> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        mailbox.offer(() -> {
            ran.add(Thread.currentThread());
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        Thread worker = ran.get(0);
        worker.join(10_000);
        assertFalse(worker.isAlive(), "the drain thread ends when the mailbox is empty");
    }

    @Test
    void aFullMailboxRefusesTasks() throws Exception {
        Mailbox mailbox = new Mailbox(2, "test");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        assertTrue(mailbox.offer(() -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertTrue(mailbox.offer(() -> { }));
        assertTrue(mailbox.offer(() -> { }));
        assertFalse(mailbox.offer(() -> { }), "capacity 2 counts queued tasks");
        assertTrue(mailbox.offerControl(() -> { }));
        assertTrue(mailbox.offerControl(() -> { }));
        assertFalse(mailbox.offerControl(() -> { }), "control tasks may go on up to twice the capacity");
        release.countDown();
    }

    @Test
    void onIdleRunsWhenTheQueueRunsDryAndNeverBesideATask() throws Exception {
        AtomicBoolean inside = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch idle = new CountDownLatch(1);
        Mailbox mailbox = new Mailbox(10, "test", () -> {
            if (inside.get()) {
                overlaps.incrementAndGet();
            }
            idle.countDown();
        });
        for (int i = 0; i < 5; i++) {
            mailbox.offer(() -> {
                inside.set(true);
                inside.set(false);
            });
        }
        assertTrue(idle.await(10, TimeUnit.SECONDS));
        assertTrue(mailbox.isEmpty());
        assertEquals(0, overlaps.get());
    }
}
