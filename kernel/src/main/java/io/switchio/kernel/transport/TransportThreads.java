package io.switchio.kernel.transport;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place the transport creates threads: one virtual thread per connection (reader and,
 * for inbound connections, the reconnect loop) plus one acceptor per outbound server. Threads are
 * started only from {@code start()} methods, never from constructors, and are counted while they
 * live so tests (and operators) can check that {@code close()} left none behind.
 *
 * <p>Why virtual threads with blocking sockets instead of a Selector: each connection's reader is
 * a plain loop (read, frame, hand off, block when the ring is full), which is exactly the
 * backpressure we want, and the JDK implements {@link java.net.Socket} over NIO
 * ({@code NioSocketImpl}): a blocked read parks the virtual thread and frees its carrier. A
 * Selector would add a second hand-off for the same result with a few dozen connections.
 *
 * <p>Threading: thread-safe; any thread may start threads or read the count.
 */
public final class TransportThreads {

    private final String prefix;
    private final AtomicInteger alive = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();

    /** @param prefix thread name prefix, e.g. {@code esl} */
    public TransportThreads(String prefix) {
        this.prefix = prefix;
    }

    /** Starts a named virtual thread running {@code task}; counted until it ends. */
    public Thread start(String name, Runnable task) {
        started.incrementAndGet();
        alive.incrementAndGet();
        return Thread.ofVirtual().name(prefix + "-" + name).start(() -> {
            try {
                task.run();
            } finally {
                alive.decrementAndGet();
            }
        });
    }

    /** Threads started by this factory that have not ended yet. */
    public int alive() {
        return alive.get();
    }

    /** Threads started so far. */
    public int started() {
        return started.get();
    }
}
