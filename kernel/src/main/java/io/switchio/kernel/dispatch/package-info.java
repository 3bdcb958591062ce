/**
 * Event routing: the host dispatcher thread (ring drain, models, handlers), per-session mailboxes
 * drained by virtual threads, coroutine turns, and the one thread factory of the runtime.
 */
package io.switchio.kernel.dispatch;
