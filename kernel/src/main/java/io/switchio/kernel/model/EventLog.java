package io.switchio.kernel.model;

import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EventDelta;
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
 * <p>With {@code Kernel.Builder.compactHistory}, an event that has a successor may be kept as an
 * {@link EventDelta} against it ({@link #compactBefore}, called by the session's thread once it
 * has handled the successor): the lines it does not share with it, since consecutive events of a
 * channel repeat most of theirs. A long history then costs little more heap than its newest
 * event. An older event handed out ({@link #await}, {@link #snapshot}, {@link #newest}) is rebuilt
 * from the newer ones: equal in every header and byte, but a new object. Events that are not
 * plain wire events (JSON, XML, synthetic ones) or that carry a body stay whole.
 *
 * <p>Threading: the host dispatcher appends and closes; the session's thread compacts; any thread
 * reads and waits. One
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
    /** Each slot holds an {@link Event} (whole) or an {@link EventDelta} against the next slot's event. */
    private Object[] ring;
    private long appended;
    private int waiters;
    private boolean closed;

    /** @param limit how many events are kept at most (at least 1) */
    public EventLog(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("history limit must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.ring = new Object[Math.min(INITIAL_CAPACITY, limit)];
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

    /**
     * Keeps the event before {@code index} as a delta against the one at {@code index}, if both
     * are still kept whole (the session's thread, after handling the event at {@code index}). The
     * delta is computed outside the lock, so the dispatcher and readers never wait for it, and
     * installed only if nothing changed meanwhile.
     */
    public void compactBefore(long index) {
        Object older;
        Object newer;
        lock.lock();
        try {
            if (index < 1 || index >= appended || index - 1 < oldestIndex() || ring.length < 2) {
                return;
            }
            older = ring[(int) ((index - 1) % ring.length)];
            newer = ring[(int) (index % ring.length)];
        } finally {
            lock.unlock();
        }
        if (!(older instanceof Event o) || !(newer instanceof Event n)) {
            return;
        }
        EventDelta delta = EventDelta.of(o, n);
        if (delta == null) {
            return;
        }
        lock.lock();
        try {
            int slot = (int) ((index - 1) % ring.length);
            if (index - 1 >= oldestIndex() && ring[slot] == older) {
                ring[slot] = delta;
            }
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
                    if (names.contains(nameAt(cursor))) {
                        return new Match(eventAt(cursor), cursor);
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
            long oldest = oldestIndex();
            Event[] out = new Event[(int) (appended - oldest)];
            byte[] newerBody = null; // the body of out[k + 1], once a delta needs it
            for (int k = out.length - 1; k >= 0; k--) {
                Object slot = ring[(int) ((oldest + k) % ring.length)];
                if (slot instanceof EventDelta d) {
                    if (newerBody == null) {
                        newerBody = EventDelta.bodyOf((EslEvent) out[k + 1]);
                    }
                    newerBody = d.apply(newerBody);
                    out[k] = EventDelta.plainEvent(newerBody);
                } else {
                    out[k] = (Event) slot;
                    newerBody = null;
                }
            }
            return new ArrayList<>(Arrays.asList(out));
        } finally {
            lock.unlock();
        }
    }

    /** The newest event, or {@code null} when none. */
    public Event latest() {
        lock.lock();
        try {
            return appended == 0 ? null : (Event) ring[(int) ((appended - 1) % ring.length)];
        } finally {
            lock.unlock();
        }
    }

    /** The newest value of a header over the kept events (an empty value counts), or {@code null}. */
    public String newestHeader(String name) {
        lock.lock();
        try {
            // newest first: a delta is only reached when every newer event lacks the header, so
            // none of its lines with that name can be shared ones; its own lines answer exactly
            for (long i = appended - 1; i >= oldestIndex(); i--) {
                Object slot = ring[(int) (i % ring.length)];
                String v = slot instanceof EventDelta d ? d.literalHeader(name) : ((Event) slot).header(name);
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
                if (nameAt(i).equals(eventName)) {
                    return eventAt(i);
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** How many kept events are held as deltas (for tests and metrics). */
    public int deltaCount() {
        lock.lock();
        try {
            int n = 0;
            for (long i = oldestIndex(); i < appended; i++) {
                if (ring[(int) (i % ring.length)] instanceof EventDelta) {
                    n++;
                }
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** The name of the kept event at {@code index} (lock held). */
    private String nameAt(long index) {
        Object slot = ring[(int) (index % ring.length)];
        return slot instanceof EventDelta d ? d.name() : ((Event) slot).name();
    }

    /**
     * The kept event at {@code index}, rebuilt when it is a delta: from the nearest newer whole
     * event, each delta in turn (lock held).
     */
    private Event eventAt(long index) {
        Object slot = ring[(int) (index % ring.length)];
        if (!(slot instanceof EventDelta)) {
            return (Event) slot;
        }
        long whole = index + 1;
        while (ring[(int) (whole % ring.length)] instanceof EventDelta) {
            whole++;
        }
        byte[] body = EventDelta.bodyOf((EslEvent) ring[(int) (whole % ring.length)]);
        for (long i = whole - 1; i > index; i--) {
            body = ((EventDelta) ring[(int) (i % ring.length)]).apply(body);
        }
        return ((EventDelta) slot).rebuild(body);
    }

    private long oldestIndex() {
        return Math.max(0, appended - ring.length);
    }
}
