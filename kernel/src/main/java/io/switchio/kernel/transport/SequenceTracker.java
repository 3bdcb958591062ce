package io.switchio.kernel.transport;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts events FreeSWITCH dropped, from gaps in {@code Event-Sequence} (a process-wide counter,
 * esl-protocol §7.4). Only meaningful while the connection receives every event ({@code ALL}, no
 * filters): the owner resets it otherwise and after each reconnect. A late, reordered event
 * (possible with several dispatch threads under load) fills a gap counted before.
 *
 * <p>Threading: {@link #track} and {@link #reset} from the connection's reader thread only;
 * {@link #lost} from any thread.
 */
final class SequenceTracker {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceTracker.class);

    private final String address;
    /** At most one warning per this many nanoseconds; the gaps between are summed into the next. */
    static final long WARN_INTERVAL_NANOS = 10_000_000_000L;

    private final AtomicLong lost = new AtomicLong();
    private long last = -1;
    private long lastWarnNanos;
    private long unreported;
    private boolean warnedOnce;

    SequenceTracker(String address) {
        this.address = address;
    }

    void track(long seq) {
        if (seq < 0) {
            return;
        }
        if (last >= 0 && seq > last + 1) {
            long gap = seq - last - 1;
            long total = lost.addAndGet(gap);
            unreported += gap;
            long now = System.nanoTime();
            if (!warnedOnce || now - lastWarnNanos >= WARN_INTERVAL_NANOS) {
                LOG.warn("{}: Event-Sequence jumped from {} to {}: FreeSWITCH dropped {} event(s) since the last warning"
                        + " ({} so far; warnings at most every {} s)", address, last, seq, unreported, total,
                        WARN_INTERVAL_NANOS / 1_000_000_000L);
                warnedOnce = true;
                lastWarnNanos = now;
                unreported = 0;
            }
        } else if (last >= 0 && seq < last && lost.get() > 0) {
            lost.decrementAndGet();
        }
        if (seq > last) {
            last = seq;
        }
    }

    /** Forget the last sequence (new connection, or the subscription no longer sees everything). */
    void reset() {
        last = -1;
    }

    long lost() {
        return lost.get();
    }
}
