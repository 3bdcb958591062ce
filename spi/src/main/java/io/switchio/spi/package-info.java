/**
 * The switchio SPI: everything a call-control app is written against.
 *
 * <p>An app is a plain object whose methods carry {@link io.switchio.spi.Callback},
 * {@link io.switchio.spi.Coroutine} or {@link io.switchio.spi.Handler}; it may implement
 * {@link io.switchio.spi.Prepost} for setup and teardown, and is shipped in a plugin jar through
 * an {@link io.switchio.spi.AppProvider}.
 *
 * <h2>Threading contract</h2>
 * For one session, app code sees events strictly in FreeSWITCH's order and never runs
 * concurrently with itself; different sessions run in parallel on their own virtual threads. A
 * {@link io.switchio.spi.Coroutine} that blocks in {@link io.switchio.spi.Session#recv} lets the
 * session's other app code run meanwhile. {@link io.switchio.spi.Handler}s run on the host's
 * dispatcher thread and must not block.
 *
 * <p>This package depends on {@code java.base} only.
 */
package io.switchio.spi;
