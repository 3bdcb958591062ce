package io.switchio.kernel.ring;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded, lock-free hand-off from connection readers to the kernel dispatcher: a JCTools
 * {@link MpscAtomicArrayQueue} of {@link RingItem}s.
 *
 * <p>Threading: any number of producers (one reader thread per connection) call
 * {@link #offer(RingItem, long, TimeUnit)}; exactly one consumer thread (the dispatcher) calls
 * {@link #drain} and {@link #awaitWork}. Calling consumer methods from two threads at once is a
 * bug. Metrics getters may be called from any thread.
 *
 * <p>Backpressure: when the ring is full a producer waits with a growing backoff (spin, yield,
 * then park up to 1 ms) instead of dropping; it counts one stall per wait and logs a rate-limited
 * warning. A reader that waits here stops reading its socket, so TCP flow control pushes back on
 * FreeSWITCH. Nothing is ever dropped silently.
 *
 * <p>Wake-up: the consumer first spins and yields briefly in {@link #awaitWork} (an item usually
 * arrives within microseconds under load, and a park/unpark pair costs a hand-off on each
 * side), then parks (with a timeout) after announcing it; producers unpark it after an offer only
 * when it announced, so an idle dispatcher costs no CPU and a busy one pays no wake-up cost.
 */
public final class EventRing {

    private static final Logger LOG = LoggerFactory.getLogger(EventRing.class);
    private static final int SPINS_BEFORE_PARK = 64;
    private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final MpscAtomicArrayQueue<RingItem> queue;
    private final int capacity;
    private final AtomicReference<Thread> sleepingConsumer = new AtomicReference<>();
    private final AtomicLong stalls = new AtomicLong();
    private volatile boolean wakeRequested;
    private final AtomicLong lastWarnNanos = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);

    /**
     * @param capacity maximum items in flight (rounded up to a power of two by JCTools)
     */
    public EventRing(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("ring capacity must be at least 2: " + capacity);
        }
        this.queue = new MpscAtomicArrayQueue<>(capacity);
        this.capacity = queue.capacity();
    }

    /**
     * Producer side: adds an item, waiting with backoff while the ring is full.
     *
     * @return {@code true} when added, {@code false} when still full after the timeout (the
     *     caller keeps the item and retries; it must not drop it)
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean offer(RingItem item, long timeout, TimeUnit unit) throws InterruptedException {
        if (queue.offer(item)) {
            wakeConsumer();
            return true;
        }
        stalled();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        int attempt = 0;
        while (true) {
            wakeConsumer();
            if (attempt < 64) {
                Thread.onSpinWait();
            } else if (attempt < 128) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(Math.min(1_000_000L, 1_000L << Math.min(attempt - 128, 10)));
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while the event ring was full");
            }
            if (queue.offer(item)) {
                wakeConsumer();
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            attempt++;
        }
    }

    /** Producer side: adds an item if there is room right now; never waits, never counts a stall. */
    public boolean tryOffer(RingItem item) {
        if (queue.offer(item)) {
            wakeConsumer();
            return true;
        }
        return false;
    }

    /** Producer side: adds an item, waiting as long as it takes. */
    public void put(RingItem item) throws InterruptedException {
        while (!offer(item, 1, TimeUnit.SECONDS)) {
            // keep waiting: backpressure, never drop
        }
    }

    /**
     * Consumer side: hands up to {@code limit} items to {@code consumer}, in ring order.
     *
     * @return how many were handed over
     */
    public int drain(Consumer<? super RingItem> consumer, int limit) {
        return queue.drain(consumer::accept, limit);
    }

    /**
     * Consumer side: waits until the ring holds an item, {@link #wakeUp()} is called, or the
     * timeout passes.
     *
     * @return {@code true} when the ring is not empty
     */
    public boolean awaitWork(long timeout, TimeUnit unit) {
        if (!queue.isEmpty()) {
            return true;
        }
        for (int i = 0; i < SPINS_BEFORE_PARK; i++) {
            if (!queue.isEmpty() || wakeRequested) {
                wakeRequested = false;
                return !queue.isEmpty();
            }
            if (i < SPINS_BEFORE_PARK / 2) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        Thread me = Thread.currentThread();
        try {
            while (true) {
                sleepingConsumer.set(me);
                if (!queue.isEmpty() || wakeRequested) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, left);
            }
        } finally {
            sleepingConsumer.set(null);
            wakeRequested = false;
        }
        return !queue.isEmpty();
    }

    /** Wakes the consumer if it waits in {@link #awaitWork}, e.g. to make it check for shutdown. */
    public void wakeUp() {
        wakeRequested = true;
        wakeConsumer();
    }

    /** Unparks a parked consumer once: the first producer to see it takes the reference. */
    private void wakeConsumer() {
        if (sleepingConsumer.get() != null) {
            Thread t = sleepingConsumer.getAndSet(null);
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    private void stalled() {
        long n = stalls.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarnNanos.get();
        if (now - last >= WARN_INTERVAL_NANOS && lastWarnNanos.compareAndSet(last, now)) {
            LOG.warn("event ring full ({} items): readers stop reading until the dispatcher catches up "
                    + "(TCP backpressure on FreeSWITCH); {} stalls so far", capacity, n);
        }
    }

    /** How many times a producer found the ring full and had to wait. */
    public long stalls() {
        return stalls.get();
    }

    /** Items currently in the ring (approximate while producers run). */
    public int size() {
        return queue.size();
    }

    /** The ring's capacity. */
    public int capacity() {
        return capacity;
    }
}
