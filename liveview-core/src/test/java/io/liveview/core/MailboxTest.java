package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

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
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch idleAfterAll = new CountDownLatch(1);
        Mailbox[] box = new Mailbox[1];
        box[0] = new Mailbox(10, "test", null, () -> {
            if (inside.get()) {
                overlaps.incrementAndGet();
            }
            if (ran.get() == 5 && box[0].isEmpty()) {
                idleAfterAll.countDown();
            }
        });
        for (int i = 0; i < 5; i++) {
            box[0].offer(() -> {
                inside.set(true);
                ran.incrementAndGet();
                inside.set(false);
            });
        }
        assertTrue(idleAfterAll.await(10, TimeUnit.SECONDS), "idle once the last task has run");
        assertEquals(0, overlaps.get());
    }

    @Test
    void eachTaskSeesExactlyItsLogContextAndLeavesNothingBehind() throws Exception {
        Map<String, String> context = Map.of(ViewProcess.MDC_VIEW, "lv-1", ViewProcess.MDC_ROUTE, "/r");
        List<Map<String, String>> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch secondRan = new CountDownLatch(1);
        CountDownLatch idleAfterIt = new CountDownLatch(1);
        Mailbox mailbox = new Mailbox(10, "test", context, () -> {
            seen.add(MDC.getCopyOfContextMap());
            if (secondRan.getCount() == 0) {
                idleAfterIt.countDown();
            }
        });
        // The drain thread is started by the offering thread, and may inherit its MDC.
        MDC.put(ViewProcess.MDC_VIEW, "the-offering-thread's");
        MDC.put("request", "r-7");
        try {
            mailbox.offer(() -> {
                seen.add(MDC.getCopyOfContextMap());
                MDC.put("user", "added by a task");
            });
            mailbox.offer(() -> {
                seen.add(MDC.getCopyOfContextMap());
                secondRan.countDown();
            });
        } finally {
            MDC.clear();
        }
        assertTrue(idleAfterIt.await(10, TimeUnit.SECONDS));
        // Two tasks, and the idle hook once or twice (the first task may run dry before the second comes).
        assertTrue(seen.size() >= 3, seen.toString());
        assertEquals(Set.of(context), Set.copyOf(seen), "each with the context alone");
    }
}
