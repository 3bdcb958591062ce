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
 * called from many session threads at once; state is concurrent.
 */
public final class OrderRecorder {

    final Map<String, Long> lastSequence = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final AtomicInteger outOfOrder = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicLong events = new AtomicLong();
    final AtomicInteger maxParallelSessions = new AtomicInteger();
    final AtomicInteger parallelNow = new AtomicInteger();

    @Callback({"CHANNEL_CREATE", "CHANNEL_ORIGINATE", "CHANNEL_STATE", "CHANNEL_CALLSTATE", "CHANNEL_ANSWER",
            "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_PARK", "CHANNEL_HANGUP", "CHANNEL_DESTROY"})
    public void record(Session sess, Event e) {
        AtomicInteger n = inFlight.computeIfAbsent(sess.uuid(), k -> new AtomicInteger());
        if (n.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        int now = parallelNow.incrementAndGet();
        maxParallelSessions.accumulateAndGet(now, Math::max);
        try {
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
            parallelNow.decrementAndGet();
            n.decrementAndGet();
        }
    }
}
