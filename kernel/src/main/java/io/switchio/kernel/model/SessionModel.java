package io.switchio.kernel.model;

import io.switchio.spi.Event;
import io.switchio.spi.Session;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link Session}'s state ({@link SessionState}) plus its waiting machinery: {@code recv} and
 * {@code poll} on the event log, {@code awaitVar}, and giving up the session's turn while a
 * coroutine blocks. The command half lives in a subclass in the client package, created through
 * a {@link SessionFactory}.
 *
 * <p>Threading: waits run on any thread; {@link #destroyed} on the host dispatcher. The
 * {@link #turn()} lock is held by whichever app code of this session runs now.
 */
public abstract non-sealed class SessionModel extends SessionState {

    private final ReentrantLock turn = new ReentrantLock();
    private final ReentrantLock progressLock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition progressed = progressLock.newCondition();

    /**
     * @param scope the host's shared settings
     * @param uuid the channel uuid
     * @param appId the app group chosen at creation
     * @param first the event that created the session (not yet appended)
     */
    protected SessionModel(HostScope scope, String uuid, String appId, Event first) {
        super(scope, uuid, appId, first);
    }

    /** Ends every wait on this session (dispatcher thread, after the destroy was recorded). */
    void destroyed() {
        markHungUp();
        log().close();
        appProgressed();
    }

    /** Wakes {@link #awaitVar} waiters: app code of this session finished handling an event. */
    public void appProgressed() {
        progressLock.lock();
        try {
            progressed.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    /**
     * Waits until {@code vars().get(var)} is set to something other than {@code null},
     * {@code false}, {@code 0} or the empty string. Re-checks each time app code of the session
     * finished an event, and at least every 50 ms for values set from other threads.
     */
    public Object awaitVar(String var, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        progressLock.lock();
        try {
            while (true) {
                Object v = vars().get(var);
                if (isSet(v)) {
                    return v;
                }
                if (log().isClosed()) {
                    throw new io.switchio.spi.SessionEndedException(uuid(), "session " + uuid() + " ended before var '" + var + "' was set");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new io.switchio.spi.SwitchioTimeoutException("var '" + var + "' of session " + uuid()
                            + " was not set within " + timeout.toMillis() + " ms");
                }
                try {
                    progressed.awaitNanos(Math.min(left, 50_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new io.switchio.spi.SwitchioTimeoutException("interrupted while waiting for var '" + var + "'");
                }
            }
        } finally {
            progressLock.unlock();
        }
    }

    private static boolean isSet(Object v) {
        return v != null && !Boolean.FALSE.equals(v) && !"".equals(v)
                && !(v instanceof Number n && n.doubleValue() == 0);
    }

    /** The lock held by whichever app code of this session runs now. */
    public ReentrantLock turn() {
        return turn;
    }

    // ---------------------------------------------------------------- Session: waiting

    @Override
    public Event recv(String eventName) {
        return recv(eventName, scope().commandTimeout());
    }

    @Override
    public Event recv(String eventName, Duration timeout) {
        return poll(Set.of(eventName), timeout);
    }

    @Override
    public Event poll(Set<String> eventNames, Duration timeout) {
        if (eventNames.isEmpty()) {
            throw new IllegalArgumentException("poll needs at least one event name");
        }
        return awaitFrom(waitCursor(), eventNames, timeout);
    }

    /**
     * Where the next wait of the calling code starts: the current invocation's cursor, or (for
     * code outside this session's app invocations) the next event to arrive.
     */
    protected final long waitCursor() {
        AppFrame frame = frameOfThisSession();
        return frame != null ? frame.cursor() : log().nextIndex();
    }

    /** Waits for one of {@code names} at or after {@code from}, giving up the turn meanwhile. */
    protected final Event awaitFrom(long from, Set<String> names, Duration timeout) {
        return awaitMatch(from, names, timeout).event();
    }

    /**
     * Like {@link #awaitFrom}, returning the log index too, so a caller can keep searching after
     * it (e.g. for the {@code CHANNEL_EXECUTE_COMPLETE} of one application).
     */
    protected final EventLog.Match awaitMatch(long from, Set<String> names, Duration timeout) {
        EventSubscriber subscriber = scope().subscriber();
        EventLog.Match match = blocking(() -> {
            int acquired = 0;
            try {
                for (String name : names) {
                    subscriber.acquire(name);
                    acquired++;
                }
                return log().await(names, from, timeout.toNanos(), uuid());
            } finally {
                for (String name : names) {
                    if (acquired-- <= 0) {
                        break;
                    }
                    subscriber.release(name);
                }
            }
        });
        AppFrame frame = frameOfThisSession();
        if (frame != null) {
            frame.consumed(match.index());
        }
        return match;
    }

    /**
     * Runs a blocking operation; when the caller is a coroutine of this session holding the turn,
     * the turn is given up for the duration so the session's other app code can run.
     */
    protected final <T> T blocking(Supplier<T> operation) {
        AppFrame frame = frameOfThisSession();
        if (frame == null || !frame.mayYield()) {
            return operation.get();
        }
        frame.yieldTurn();
        try {
            return operation.get();
        } finally {
            frame.resumeTurn();
        }
    }

    private AppFrame frameOfThisSession() {
        AppFrame frame = scope().currentFrame();
        return frame != null && frame.session() == this ? frame : null;
    }

}
