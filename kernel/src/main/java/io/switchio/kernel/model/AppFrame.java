package io.switchio.kernel.model;

import java.util.Objects;

/**
 * One running app invocation (a callback or a coroutine) of one session on the current thread: its
 * {@code recv} cursor and whether it may give up the session's turn while it blocks.
 *
 * <p>Threading: confined to the thread that runs the invocation.
 */
public final class AppFrame {

    private final SessionModel session;
    private final boolean coroutine;
    private final Runnable onYield;
    private long cursor;

    private AppFrame(SessionModel session, long cursor, boolean coroutine, Runnable onYield) {
        this.session = Objects.requireNonNull(session, "session");
        this.cursor = cursor;
        this.coroutine = coroutine;
        this.onYield = onYield;
    }

    /** A callback's frame: it keeps the turn while it blocks. */
    public static AppFrame callback(SessionModel session, long cursor) {
        return new AppFrame(session, cursor, false, () -> { });
    }

    /**
     * A coroutine's frame.
     *
     * @param onYield run each time the coroutine gives up the turn (and when it ends)
     */
    public static AppFrame coroutine(SessionModel session, long cursor, Runnable onYield) {
        return new AppFrame(session, cursor, true, Objects.requireNonNull(onYield, "onYield"));
    }

    /** The session this invocation belongs to. */
    public SessionModel session() {
        return session;
    }

    /** The log index from which the next {@code recv} searches. */
    public long cursor() {
        return cursor;
    }

    /** Moves the cursor past an event the invocation received. */
    public void consumed(long index) {
        cursor = Math.max(cursor, index + 1);
    }

    /** True when this is a coroutine that holds its session's turn now. */
    public boolean mayYield() {
        return coroutine && session.turn().isHeldByCurrentThread();
    }

    /** Gives up the turn (the session's other app code may run) and tells the mailbox. */
    public void yieldTurn() {
        session.turn().unlock();
        onYield.run();
    }

    /** Takes the turn back after blocking. */
    public void resumeTurn() {
        session.turn().lock();
    }

    /** Tells the mailbox the coroutine ended (it no longer holds the turn). */
    public void ended() {
        onYield.run();
    }
}
