package io.switchio.testkit.engine;

/**
 * FreeSWITCH call states ({@code Channel-Call-State}), numbered as {@code Channel-Call-State-Number} (§10.3).
 *
 * <p>Threading: immutable.
 */
public enum CallState {
    /** No call activity yet (0). */
    DOWN,
    /** Dialing out (1). */
    DIALING,
    /** Ringing (2). */
    RINGING,
    /** Early media (3). */
    EARLY,
    /** Answered (4). */
    ACTIVE,
    /** On hold (5). */
    HELD,
    /** Waiting for a ring (6). */
    RING_WAIT,
    /** Hanging up (7). */
    HANGUP,
    /** Taken off hold (8). */
    UNHELD
}
