package io.switchio.testkit.engine;

/**
 * A receiver of fired events: one per ESL connection.
 *
 * <p>Threading: {@link #deliver} is called under the bus lock, from whichever thread fired the
 * event (mostly the engine thread); it must not block.
 */
public interface EventSink {
    /** True when this sink might take events of this name (a cheap pre-check before the event is built). */
    boolean wants(String eventName);

    /** Offers a fired event; the sink applies its subscriptions and filters and queues it or not. */
    void deliver(SimEvent event);
}
