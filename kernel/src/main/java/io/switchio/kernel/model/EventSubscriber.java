package io.switchio.kernel.model;

/**
 * Subscribes event names on a host's connection while app code waits for them (a
 * {@link io.switchio.spi.Session#recv} on an event nobody subscribed to yet). A name acquired here
 * stays subscribed at least until every waiter released it.
 *
 * <p>Threading: implementations accept calls from any thread.
 */
public interface EventSubscriber {

    /** Makes sure events of this name reach the host's dispatcher while the caller waits. */
    void acquire(String eventName);

    /** The caller no longer waits for this name. */
    void release(String eventName);
}
