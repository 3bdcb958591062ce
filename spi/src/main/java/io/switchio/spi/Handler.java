package io.switchio.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a low-level app method that receives the raw {@link Event} of the named types, whether or
 * not it belongs to a session (e.g. {@code HEARTBEAT}, {@code BACKGROUND_JOB}, {@code CUSTOM}
 * subclasses).
 *
 * <p>The method takes exactly one parameter of type {@link Event}; its return value is ignored.
 *
 * <p>Threading: runs on the host's dispatcher thread, after the kernel updated its models for the
 * event and before the event is handed to sessions. It must not block: every event of that host
 * waits for it. Handlers of all loaded apps run in load order; an exception is logged and the rest
 * still run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Api(status = Api.Status.STABLE, since = "0.1")
public @interface Handler {

    /** The event names this method receives (at least one). */
    String[] value();
}
