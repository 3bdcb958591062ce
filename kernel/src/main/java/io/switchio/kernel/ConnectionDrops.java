package io.switchio.kernel;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a drop of a host's connection that the kernel caused (its own {@code close()}) from one
 * it did not (FreeSWITCH went away, the network broke), and logs each accordingly: our own close
 * at INFO, an unexpected drop at WARN. Unexpected drops are counted.
 *
 * <p>Threading: {@link #expect} from the owner thread (before it closes the connection);
 * {@link #report} on the host's dispatcher thread; reads from any thread.
 */
final class ConnectionDrops {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionDrops.class);

    private final String address;
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicLong ours = new AtomicLong();
    private volatile boolean expected;

    /** @param address the host, for the log lines */
    ConnectionDrops(String address) {
        this.address = address;
    }

    /** The kernel is about to close the connection itself: the drop that follows is no surprise. */
    void expect() {
        expected = true;
    }

    /**
     * Logs a drop of the connection.
     *
     * @param reason the transport's words, e.g. {@code closed}
     * @return true when the drop was unexpected (logged at WARN)
     */
    boolean report(String reason) {
        if (expected) {
            ours.incrementAndGet();
            LOG.info("{}: connection closed by the kernel ({})", address, reason);
            return false;
        }
        unexpected.incrementAndGet();
        LOG.warn("{}: connection down: {}", address, reason);
        return true;
    }

    /** Whether the kernel has begun closing the connection itself. */
    boolean closing() {
        return expected;
    }

    /** Drops the kernel caused itself, so far. */
    long ours() {
        return ours.get();
    }

    /** Drops the kernel did not cause, so far. */
    long unexpected() {
        return unexpected.get();
    }
}
