package io.switchio.kernel.dispatch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place where the runtime makes threads: a platform thread per host dispatcher and
 * virtual threads for session mailboxes and coroutines. Counts the live session threads so tests
 * and metrics can prove none leak.
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

    /** Creates (does not start) the dispatcher thread of a host. */
    public Thread dispatcherThread(String host, Runnable loop) {
        return Thread.ofPlatform().name(prefix + "-dispatch-" + host).daemon(true).unstarted(loop);
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
