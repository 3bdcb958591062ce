package io.switchio.kernel.model;

import io.switchio.spi.Event;
import io.switchio.spi.SessionEndedException;
import io.switchio.spi.SwitchioTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded, indexed event history of one session; {@link io.switchio.spi.Session#recv} waits on
 * it. Every appended event gets the next index (0, 1, 2, ...); a waiter searches from a cursor
 * index, so an event appended while the waiter was busy elsewhere is still found. The storage
 * starts small and grows up to the history limit, then overwrites the oldest event.
 *
 * <p>Threading: the host dispatcher appends and closes; any thread reads and waits. One
 * {@link ReentrantLock} guards the state; waiters park on its condition (virtual-thread friendly).
 */
public final class EventLog {

    /** An event found by a wait, with its index in the log. */
    public record Match(Event event, long index) {
    }

    private static final int INITIAL_CAPACITY = 8;

    private final int limit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Event[] ring;
    private long appended;
    private int waiters;
    private boolean closed;

    /** @param limit how many events are kept at most (at least 1) */
    public EventLog(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("history limit must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.ring = new Event[Math.min(INITIAL_CAPACITY, limit)];
    }

    /** Appends an event and wakes the waiters; returns its index. */
    public long append(Event event) {
        lock.lock();
        try {
            if (appended == ring.length && ring.length < limit) {
                ring = Arrays.copyOf(ring, Math.min(ring.length * 2, limit));
            }
            long index = appended;
            ring[(int) (index % ring.length)] = event;
            appended = index + 1;
            if (waiters > 0) {
                changed.signalAll();
            }
            return index;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the log ended (the session was destroyed): waiters that find nothing more fail. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True once {@link #close()} ran. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** The index the next appended event will get. */
    public long nextIndex() {
        lock.lock();
        try {
            return appended;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the first event at or after {@code from} whose name is one of {@code names}.
     *
     * @param uuid the session's uuid, for the exception messages
     * @param timeoutNanos how long to wait at most
     * @throws SessionEndedException when the log is closed and holds no such event
     * @throws SwitchioTimeoutException when the time passes first
     */
    public Match await(Set<String> names, long from, long timeoutNanos, String uuid) {
        long deadline = System.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            long cursor = Math.max(from, oldestIndex());
            while (true) {
                for (; cursor < appended; cursor++) {
                    Event e = ring[(int) (cursor % ring.length)];
                    if (names.contains(e.name())) {
                        return new Match(e, cursor);
                    }
                }
                if (closed) {
                    throw new SessionEndedException(uuid, "session " + uuid + " was destroyed while waiting for " + names);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SwitchioTimeoutException("no " + names + " on session " + uuid + " within "
                            + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
                }
                waiters++;
                try {
                    changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SessionEndedException(uuid, "interrupted while waiting for " + names + " on session " + uuid);
                } finally {
                    waiters--;
                }
                cursor = Math.max(cursor, oldestIndex());
            }
        } finally {
            lock.unlock();
        }
    }

    /** The events kept, oldest first. */
    public List<Event> snapshot() {
        lock.lock();
        try {
            List<Event> out = new ArrayList<>((int) Math.min(appended, ring.length));
            for (long i = oldestIndex(); i < appended; i++) {
                out.add(ring[(int) (i % ring.length)]);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The newest event, or {@code null} when none. */
    public Event latest() {
        lock.lock();
        try {
            return appended == 0 ? null : ring[(int) ((appended - 1) % ring.length)];
        } finally {
            lock.unlock();
        }
    }

    /** The newest value of a header over the kept events (an empty value counts), or {@code null}. */
    public String newestHeader(String name) {
        lock.lock();
        try {
            for (long i = appended - 1; i >= oldestIndex(); i--) {
                String v = ring[(int) (i % ring.length)].header(name);
                if (v != null) {
                    return v;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** The newest kept event of a name, or {@code null}. */
    public Event newest(String eventName) {
        lock.lock();
        try {
            for (long i = appended - 1; i >= oldestIndex(); i--) {
                Event e = ring[(int) (i % ring.length)];
                if (e.name().equals(eventName)) {
                    return e;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private long oldestIndex() {
        return Math.max(0, appended - ring.length);
    }
}
