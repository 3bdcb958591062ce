package io.switchio.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an app method that runs for every event of the named types on a session of the app's
 * group, in the group's callback chain.
 *
 * <p>Parameters are bound by type, in any order, from: {@link Session} (the leg the event belongs
 * to), {@link Call} (its call), {@link Event} (the event itself) and {@link Job} (the background
 * job that created the session, or {@code null}). The return value is ignored.
 *
 * <p>CUSTOM events are named by subclass, e.g. {@code @Callback("mod_bert::lost_sync")}.
 *
 * <p>Threading: runs on the session's own virtual thread. For one session, app code never runs
 * concurrently with itself and sees events strictly in the order FreeSWITCH sent them; different
 * sessions run in parallel. A callback should return quickly: while it blocks, the later callbacks
 * of its session wait (other sessions and {@link Session#recv} waiters do not). An exception is
 * logged with the app, session and event, and the chain goes on.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Api(status = Api.Status.STABLE, since = "0.1")
public @interface Callback {

    /** The event names this method runs for (at least one). */
    String[] value();
}
