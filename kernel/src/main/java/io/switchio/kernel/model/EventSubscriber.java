package io.switchio.kernel.model;

/**
 * Subscribes event names on a host's connection when app code needs them (e.g. a
 * {@link io.switchio.spi.Session#recv} on an event nobody subscribed to yet).
 *
 * <p>Threading: implementations accept calls from any thread and return without waiting for the
 * server's reply.
 */
@FunctionalInterface
public interface EventSubscriber {

    /** Makes sure events of this name reach the host's dispatcher from now on. */
    void ensureSubscribed(String eventName);
}
