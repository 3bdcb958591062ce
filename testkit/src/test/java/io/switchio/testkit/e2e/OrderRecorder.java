package io.switchio.testkit.e2e;

import io.switchio.spi.Callback;
import io.switchio.spi.Event;
import io.switchio.spi.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A measurer that checks the per-session contract under load: each session's events arrive in
 * FreeSWITCH's order ({@code Event-Sequence} grows) and its callbacks never overlap. Threading:
 * called from many session threads at once; state is concurrent. The first session to park blocks
 * its callback until another session's callback ran, proving sessions run in parallel.
 */
public final class OrderRecorder {

    final Map<String, Long> lastSequence = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final AtomicInteger outOfOrder = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicLong events = new AtomicLong();
    final java.util.concurrent.atomic.AtomicReference<String> holder = new java.util.concurrent.atomic.AtomicReference<>();
    final java.util.concurrent.CountDownLatch othersProgressed = new java.util.concurrent.CountDownLatch(1);
    volatile boolean parallelProven;

    @Callback({"CHANNEL_CREATE", "CHANNEL_ORIGINATE", "CHANNEL_STATE", "CHANNEL_CALLSTATE", "CHANNEL_ANSWER",
            "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_PARK", "CHANNEL_HANGUP", "CHANNEL_DESTROY"})
    public void record(Session sess, Event e) {
        AtomicInteger n = inFlight.computeIfAbsent(sess.uuid(), k -> new AtomicInteger());
        if (n.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        try {
            String h = holder.get();
            if (h != null && !h.equals(sess.uuid())) {
                othersProgressed.countDown();
            }
            if (e.name().equals("CHANNEL_PARK") && holder.compareAndSet(null, sess.uuid())) {
                try {
                    parallelProven = othersProgressed.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
            long seq = Long.parseLong(e.header("Event-Sequence"));
            Long before = lastSequence.put(sess.uuid(), seq);
            if (before != null && before >= seq) {
                outOfOrder.incrementAndGet();
            }
            events.incrementAndGet();
            if (e.name().equals("CHANNEL_DESTROY")) {
                lastSequence.remove(sess.uuid());
            }
        } finally {
            n.decrementAndGet();
        }
    }
}
