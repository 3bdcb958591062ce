package io.switchio.kernel.model;

/**
 * What one event did to a host's models: the session it belongs to (or {@code null}), its index in
 * that session's log, the job it concerns, and whether it created or destroyed the session.
 *
 * <p>Threading: immutable; produced and consumed on the host dispatcher thread.
 *
 * @param session the session, or {@code null} when the event belongs to none
 * @param index the event's index in the session's log, or {@code -1}
 * @param job the session's or the event's job, or {@code null}
 * @param created whether this event created the session
 * @param destroyed whether this event destroyed the session
 */
public record ModelUpdate(SessionModel session, long index, JobModel job, boolean created, boolean destroyed) {

    /** An event that belongs to no session. */
    public static final ModelUpdate NONE = new ModelUpdate(null, -1, null, false, false);
}
