package io.switchio.kernel.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventRingTest {

    private static RingItem up(String host) {
        return new RingItem.ConnectionUp(host, false);
    }

    @Test
    void fullRingMakesTheProducerWaitAndCountsAStallInsteadOfDropping() throws Exception {
        EventRing ring = new EventRing(2);
        assertTrue(ring.tryOffer(up("a")));
        assertTrue(ring.tryOffer(up("b")));
        assertFalse(ring.tryOffer(up("c")));
        assertEquals(0, ring.stalls(), "tryOffer never counts");
        assertFalse(ring.offer(up("c"), 20, TimeUnit.MILLISECONDS));
        assertEquals(1, ring.stalls());
        List<RingItem> got = new ArrayList<>();
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                ring.put(up("c"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // the producer is blocked in put until there is room: drain exactly the two queued items
        assertEquals(2, ring.drain(got::add, 2));
        producer.join(10_000);
        ring.drain(got::add, 10);
        assertEquals(List.of("a", "b", "c"), got.stream().map(RingItem::host).toList());
    }

    @Test
    void manyProducersOneConsumerKeepsPerProducerOrder() throws Exception {
        EventRing ring = new EventRing(64);
        int producers = 4;
        int each = 20_000;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            String host = "h" + p;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    try {
                        ring.put(new RingItem.ConnectionDown(host, Integer.toString(i)));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        Map<String, Integer> next = new HashMap<>();
        int seen = 0;
        while (seen < producers * each) {
            if (!ring.awaitWork(10, TimeUnit.SECONDS)) {
                throw new AssertionError("ring idle with " + seen + " items seen");
            }
            List<RingItem> batch = new ArrayList<>();
            seen += ring.drain(batch::add, 256);
            for (RingItem item : batch) {
                int i = Integer.parseInt(((RingItem.ConnectionDown) item).reason());
                assertEquals(next.getOrDefault(item.host(), 0), i, "order of " + item.host());
                next.put(item.host(), i + 1);
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, ring.size());
    }

    @Test
    void awaitWorkWakesOnOfferAndOnWakeUp() throws Exception {
        EventRing ring = new EventRing(8);
        CountDownLatch parked = new CountDownLatch(1);
        boolean[] result = new boolean[1];
        Thread consumer = Thread.ofVirtual().start(() -> {
            parked.countDown();
            result[0] = ring.awaitWork(30, TimeUnit.SECONDS);
        });
        parked.await();
        long t0 = System.nanoTime();
        ring.tryOffer(up("x"));
        consumer.join(10_000);
        assertTrue(result[0]);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10));

        ring.drain(i -> { }, 10);
        Thread waiter = Thread.ofVirtual().start(() -> result[0] = ring.awaitWork(30, TimeUnit.SECONDS));
        while (waiter.getState() != Thread.State.WAITING && waiter.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        ring.wakeUp();
        waiter.join(10_000);
        assertFalse(waiter.isAlive());
        assertFalse(result[0], "woken without work");
    }

    @Test
    void rejectsTinyCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new EventRing(1));
    }
}
