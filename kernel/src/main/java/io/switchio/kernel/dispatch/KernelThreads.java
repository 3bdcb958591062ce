package io.switchio.kernel.dispatch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place where the runtime makes threads: virtual threads for the host dispatchers, session
 * mailboxes and coroutines (the connection readers are virtual too, see
 * {@code transport.TransportThreads}). Counts the live session threads so tests and metrics can
 * prove none leak.
 *
 * <p>Why the dispatcher is virtual: as a platform thread it was one more OS thread competing with
 * the carriers for the CPUs, and on a two-core machine it waited for a scheduler slice behind them
 * (reader-to-dispatcher p99 ~1 ms at 100k events/s; ~0.15 ms as a virtual thread, which the
 * carriers take in turn with the session work it feeds; bench/RESULTS.md, section 4). The
 * flip side: app code that computes for long on every carrier at once holds the dispatcher back, as
 * it already holds back every other session.
 *
 * <p>Threading: any thread; creating a thread here never starts work by itself except through
 * the explicit {@code start...} methods, which the owners call from their {@code start()}.
 */
public final class KernelThreads {

    private final String prefix;
    private final AtomicInteger liveSessionThreads = new AtomicInteger();
    private final Thread.Builder.OfVirtual sessionBuilder;

    /** @param prefix names every thread, e.g. {@code switchio} */
    public KernelThreads(String prefix) {
        this.prefix = prefix;
        // one constant name: numbering every session thread costs a string per event at load
        this.sessionBuilder = Thread.ofVirtual().name(prefix + "-session");
    }

    /** Creates (does not start) the dispatcher thread of a host: a virtual thread. */
    public Thread dispatcherThread(String host, Runnable loop) {
        return Thread.ofVirtual().name(prefix + "-dispatch-" + host).unstarted(loop);
    }

    /** Starts a virtual thread for session work (a mailbox drain or a coroutine). */
    public Thread startSessionThread(Runnable work) {
        liveSessionThreads.incrementAndGet();
        try {
            return sessionBuilder.start(() -> {
                try {
                    work.run();
                } finally {
                    liveSessionThreads.decrementAndGet();
                }
            });
        } catch (RuntimeException | Error e) {
            liveSessionThreads.decrementAndGet();
            throw e;
        }
    }

    /** Starts a named virtual thread for kernel housekeeping (e.g. a reconnect resync). */
    public Thread startTaskThread(String name, Runnable work) {
        return Thread.ofVirtual().name(prefix + "-" + name).start(work);
    }

    /** Session threads (mailbox drains and coroutines) alive now. */
    public int liveSessionThreads() {
        return liveSessionThreads.get();
    }
}
