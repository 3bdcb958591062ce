/**
 * The hand-off between a connection's reader and its host's dispatcher: a bounded JCTools ring
 * with backpressure (a full ring stops the reader, so TCP pushes back on FreeSWITCH) and a
 * spin-yield-park wake-up.
 *
 * <p>Threading and work split per host: the reader thread frames bytes and finds each plain
 * event's routing headers; the dispatcher thread drains this ring and routes; the session virtual
 * threads build an event's header index when an app first reads a header other than the routing
 * ones. No other threads are involved, and all of them are virtual threads: the carriers take the
 * reader, the dispatcher and the session work in turn, so on a small machine the dispatcher never
 * waits for an OS scheduler slice behind them.
 *
 * <p>JVM flags: every event is a ~5 KB object kept in its session's history (64 by default) while
 * the call lives, so at high event rates the default G1's young collections copy the histories of
 * all live calls: pauses of 2-10 ms every second or two at 100,000 events/s with 1,000 live calls
 * on two cores. The generational ZGC ({@code -XX:+UseZGC} on JDK 23+; add
 * {@code -XX:+ZGenerational} on JDK 21-22) does that work concurrently and gives the lowest tail,
 * best with heap room for several seconds of events, fixed and pre-touched
 * ({@code -Xms2g -Xmx2g -XX:+AlwaysPreTouch} or more): a heap that keeps taking fresh pages from
 * the OS pays a page fault per page at ~500 MB/s of events, which lengthened the p99 from under
 * 1 ms to 17-147 ms on two cores. The {@code switchio} command runs that way unless
 * {@code SWITCHIO_JAVA_OPTS} says otherwise. Under G1,
 * {@code Kernel.Builder.compactHistory(true)} keeps older events as deltas and so gives the young
 * collections less to copy. See bench/RESULTS.md for the measurements.
 */
package io.switchio.kernel.ring;
