/**
 * The embeddable switchio runtime: {@link io.switchio.kernel.Kernel} connects to one or more
 * FreeSWITCH hosts, loads apps written against {@code io.switchio.spi} and runs them until closed.
 *
 * <p>Inside: {@code transport} (sockets, reconnect) and {@code protocol} (frames, events, commands)
 * feed each host's {@code ring}; {@code dispatch} drains it on one thread per host, updates the
 * {@code model} (sessions, calls, jobs, counters) and hands events to per-session mailboxes drained
 * by virtual threads; {@code app} describes loaded apps; {@code client} implements the SPI's Client
 * and Session commands.
 */
package io.switchio.kernel;
