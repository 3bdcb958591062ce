/**
 * Sockets and bytes: one ESL connection per FreeSWITCH host (inbound mode) and the server that
 * takes FreeSWITCH's outbound {@code socket} connections. Nothing here runs app code.
 *
 * <p>Reading: each connection has exactly one reader thread, a virtual thread from
 * {@link io.switchio.kernel.transport.TransportThreads}. It blocks in a socket read; on the JDK
 * (21+) a socket read on a virtual thread parks the virtual thread and lets the JDK's NIO poller
 * wake it (sockets are implemented over NIO since JEP 353), so a thousand connections cost a
 * thousand parked virtual threads, not a thousand platform threads, and no selector loop of our
 * own. The reader only frames bytes ({@link io.switchio.kernel.protocol.FrameDecoder}), matches
 * replies to the pipelined commands, and publishes events to the kernel's
 * {@link io.switchio.kernel.ring.EventRing}; when the ring is full it waits (TCP backpressure),
 * counts a stall and warns at a bounded rate. Its short read timeout is the tick on which overdue
 * commands fail and liveness is checked, so no timer thread exists.
 *
 * <p>Writing: any thread sends; a write lock keeps the wire order equal to the reply order. A
 * write blocked by a FreeSWITCH that stopped reading fails at the command timeout.
 *
 * <p>Lifecycle: {@code start()} connects, authenticates and applies the desired subscriptions;
 * after a drop the connection reconnects with exponential backoff and jitter, re-applies them,
 * and tells the upper layers through the ring ({@code ConnectionDown}/{@code ConnectionUp}) so
 * they can resynchronise. {@code close()} sends {@code exit}, waits a bounded time for the goodbye
 * notice and leaves no thread or socket behind.
 */
package io.switchio.kernel.transport;
