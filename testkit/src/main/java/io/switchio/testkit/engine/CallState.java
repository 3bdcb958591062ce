package io.switchio.testkit.engine;

/**
 * FreeSWITCH call states ({@code Channel-Call-State}), numbered as {@code Channel-Call-State-Number} (§10.3).
 *
 * <p>Threading: immutable.
 */
public enum CallState {
    DOWN, DIALING, RINGING, EARLY, ACTIVE, HELD, RING_WAIT, HANGUP, UNHELD
}
