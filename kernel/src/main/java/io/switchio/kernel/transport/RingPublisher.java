package io.switchio.kernel.transport;

import io.switchio.kernel.ring.EventRing;
import io.switchio.kernel.ring.RingItem;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's producer side of the {@link EventRing}: hands an item over, waiting while the
 * ring is full. The socket is not read meanwhile (TCP backpressure on FreeSWITCH) but overdue
 * commands still fail on every tick, and the stall is counted. Only while the connection closes,
 * with nobody draining, an item is given up after the close timeout, with a warning.
 *
 * <p>Threading: {@link #publish} from the connection's reader thread only; {@link #stalls} from
 * any thread.
 */
final class RingPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(RingPublisher.class);

    private final String address;
    private final EventRing ring;
    private final AtomicBoolean closing;
    private final long closeTimeoutNanos;
    private final int tickMillis;
    private final AtomicLong stalls = new AtomicLong();

    RingPublisher(String address, EventRing ring, AtomicBoolean closing, Duration closeTimeout, int tickMillis) {
        this.address = address;
        this.ring = ring;
        this.closing = closing;
        this.closeTimeoutNanos = closeTimeout.toNanos();
        this.tickMillis = tickMillis;
    }

    /** @param link the link to keep ticking while waiting, or {@code null} */
    void publish(RingItem item, EslLink link) throws InterruptedException {
        if (ring.tryOffer(item)) {
            return;
        }
        stalls.incrementAndGet();
        long closingSince = 0;
        while (!ring.offer(item, tickMillis, TimeUnit.MILLISECONDS)) {
            if (link != null) {
                link.tick();
            }
            if (closing.get()) {
                long now = System.nanoTime();
                if (closingSince == 0) {
                    closingSince = now;
                } else if (now - closingSince > closeTimeoutNanos) {
                    LOG.warn("{}: ring still full while closing; dropped {}", address, item);
                    return;
                }
            }
        }
        if (link != null) {
            link.touch();
        }
    }

    /** How often the ring was full when this connection had an item to hand over. */
    long stalls() {
        return stalls.get();
    }
}
