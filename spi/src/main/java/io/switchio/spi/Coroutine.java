package io.switchio.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an app method that is started for every event of the named types and may block, like the
 * {@code async def} functions of the Python original.
 *
 * <p>A coroutine reads like plain blocking code: {@code sess.answer(); Event dtmf =
 * sess.recv("DTMF", Duration.ofSeconds(5));}. Parameters are bound by type exactly as for
 * {@link Callback}.
 *
 * <p>Threading: each invocation runs on a virtual thread of its session and holds the session's
 * turn, so app code of one session still never runs concurrently with itself. While the coroutine
 * is blocked in {@link Session#recv}, {@link Session#poll} or a blocking {@link Session} command,
 * it gives up the turn: the session's later events keep reaching callbacks, other coroutines and
 * its own {@code recv}. The session's next event is handed to app code only once the coroutine
 * has given up the turn for the first time or returned, so a coroutine runs up to its first wait
 * before anything that came after its starting event (as the original's tasks did); blocking on
 * anything else (a lock, a sleep, another session) keeps the turn and holds the session's later
 * events back. When the session is destroyed, a blocked coroutine is woken with a
 * {@link SessionEndedException}; its thread then ends.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Api(status = Api.Status.STABLE, since = "0.1")
public @interface Coroutine {

    /** The event names that start this coroutine (at least one). */
    String[] value();

    /**
     * Extra event names to subscribe to when the app loads, so that {@link Session#recv} can wait
     * on them. ({@code recv} subscribes on demand too; naming them here avoids missing the first
     * one.)
     */
    String[] subscribe() default {};
}
