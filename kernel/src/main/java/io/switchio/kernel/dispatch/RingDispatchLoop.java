package io.switchio.kernel.dispatch;

import io.switchio.kernel.ring.EventRing;
import io.switchio.kernel.ring.RingItem;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.atomic.MpscLinkedAtomicQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host dispatcher thread's loop: drains the host's {@link EventRing} in order, hands events to
 * the {@link HostDispatcher} and connection changes to a {@link ConnectionListener}, and runs
 * kernel tasks submitted from other threads (e.g. the synthetic events of a resync) between
 * drains, so every model change happens on this one thread.
 *
 * <p>The per-event work is split without extra threads: the connection's reader frames each
 * event and finds its routing headers ({@link io.switchio.kernel.protocol.EslEvent#of}) before
 * putting it on the ring; this loop routes on those alone (no header index is built here for a
 * routine event); the session threads build an event's index when an app reads its other headers.
 * On two cores these run in parallel.
 *
 * <p>Threading: {@link #start}/{@link #stop} from the owner; {@link #submit} from any thread;
 * everything else on the one dispatcher thread it starts.
 */
public final class RingDispatchLoop {

    /** What the loop reports about the connection. Called on the dispatcher thread. */
    public interface ConnectionListener {

        /** The connection is up; {@code reconnected} after a drop. */
        void up(boolean reconnected);

        /** The connection dropped. */
        void down(String reason);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RingDispatchLoop.class);
    private static final int BATCH = 256;

    private final String host;
    private final EventRing ring;
    private final HostDispatcher dispatcher;
    private final ConnectionListener listener;
    private final KernelThreads threads;
    private final MpscLinkedAtomicQueue<Runnable> tasks = new MpscLinkedAtomicQueue<>();
    private final RingItem[] batch = new RingItem[BATCH];
    private int filled;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param host the host name, for the thread name and logs
     * @param ring the host's ring
     * @param dispatcher routes events
     * @param listener hears connection changes
     * @param threads makes the dispatcher thread
     */
    public RingDispatchLoop(String host, EventRing ring, HostDispatcher dispatcher, ConnectionListener listener,
            KernelThreads threads) {
        this.host = host;
        this.ring = ring;
        this.dispatcher = dispatcher;
        this.listener = listener;
        this.threads = threads;
    }

    /** Starts the dispatcher thread. */
    public void start() {
        running = true;
        thread = threads.dispatcherThread(host, this::run);
        thread.start();
    }

    /** Runs a task on the dispatcher thread, in order with the events. */
    public void submit(Runnable task) {
        tasks.offer(task);
        ring.wakeUp();
    }

    /** Stops after draining what is queued; waits up to {@code timeoutMillis} for the thread. */
    public void stop(long timeoutMillis) throws InterruptedException {
        running = false;
        ring.wakeUp();
        Thread t = thread;
        if (t != null) {
            t.join(timeoutMillis);
            if (t.isAlive()) {
                LOG.warn("{}: dispatcher thread did not stop within {} ms; interrupting it", host, timeoutMillis);
                t.interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            int n = drainBatch();
            Runnable task;
            while ((task = tasks.poll()) != null) {
                safely(task);
            }
            if (n == 0 && tasks.isEmpty()) {
                ring.awaitWork(100, TimeUnit.MILLISECONDS);
            }
        }
        while (drainBatch() > 0) {
            // route what is still queued
        }
    }

    /** Takes up to {@value #BATCH} items off the ring and routes them in order. */
    private int drainBatch() {
        filled = 0;
        int n = ring.drain(item -> batch[filled++] = item, BATCH);
        for (int i = 0; i < n; i++) {
            handle(batch[i]);
        }
        java.util.Arrays.fill(batch, 0, n, null);
        return n;
    }

    // no lambda per item: at 100k events/s a capturing lambda here was 1% of all allocation
    private void handle(RingItem item) {
        try {
            switch (item) {
                case RingItem.EventReceived e -> dispatcher.dispatch(e.event());
                case RingItem.ConnectionUp up -> listener.up(up.reconnected());
                case RingItem.ConnectionDown down -> listener.down(down.reason());
                case RingItem.NoticeReceived notice -> LOG.debug("{}: {}", host, notice.message());
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        LOG.error("{}: dispatching failed (the loop goes on): {}", host, e.toString(), e);
    }
}
