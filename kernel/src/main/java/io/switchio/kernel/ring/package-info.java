/**
 * The hand-off between a connection's reader and its host's dispatcher: a bounded JCTools ring
 * with backpressure (a full ring stops the reader, so TCP pushes back on FreeSWITCH) and a
 * spin-yield-park wake-up.
 *
 * <p>Threading and work split per host: the reader thread frames bytes and finds each plain
 * event's routing headers; the dispatcher thread drains this ring and routes; the session virtual
 * threads build an event's header index when an app first reads a header other than the routing
 * ones. No other threads are involved.
 *
 * <p>JVM flags: events are kept in their sessions' histories (64 by default), so at high event
 * rates the young collections of the default G1 copy the histories of all live calls, and with
 * calls constantly ending and starting they also copy events still referenced from dead sessions
 * in the old generation: pauses of tens to hundreds of milliseconds at 50,000-100,000 events/s
 * with 1,000 live calls on two shared cores. For a low event-to-callback tail, run with the
 * generational ZGC ({@code -XX:+UseZGC} on JDK 25, where it is generational by default; add
 * {@code -XX:+ZGenerational} on JDK 21) and a heap with room for the retained events
 * ({@code -Xmx2g} or more); leave a core's worth of CPU free for its concurrent work. See
 * bench/RESULTS.md for the measurements.
 */
package io.switchio.kernel.ring;
