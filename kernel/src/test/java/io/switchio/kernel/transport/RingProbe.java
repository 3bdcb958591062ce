package io.switchio.kernel.transport;

import io.switchio.kernel.ring.EventRing;
import io.switchio.kernel.ring.RingItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Test consumer of an EventRing: waits for items matching a condition. Threading: test thread only. */
final class RingProbe {

    final EventRing ring;
    final List<RingItem> seen = new ArrayList<>();

    RingProbe(int capacity) {
        this.ring = new EventRing(capacity);
    }

    /** Drains until an item matches (returning it), failing after 10 s. */
    <T extends RingItem> T await(Class<T> type, Predicate<T> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int checked = 0;
        while (System.nanoTime() < deadline) {
            ring.drain(seen::add, 1024);
            for (; checked < seen.size(); checked++) {
                RingItem item = seen.get(checked);
                if (type.isInstance(item) && match.test(type.cast(item))) {
                    checked++;
                    T found = type.cast(item);
                    seen.subList(0, checked).clear();
                    return found;
                }
            }
            ring.awaitWork(50, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("no " + type.getSimpleName() + " matching within 10 s; seen " + seen);
    }

    <T extends RingItem> T await(Class<T> type) {
        return await(type, t -> true);
    }

    /** Events named {@code name} drained so far plus up to 10 s more, until {@code count} arrived. */
    List<RingItem.EventReceived> awaitEvents(String name, int count) {
        List<RingItem.EventReceived> out = new ArrayList<>();
        while (out.size() < count) {
            out.add(await(RingItem.EventReceived.class, e -> e.event().name().equals(name)));
        }
        return out;
    }
}
