package io.switchio.kernel.ring;

import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EslMessage;

/**
 * What connection readers hand to the kernel dispatcher through the {@link EventRing}: events and
 * connection state changes, each tagged with the connection it came from ({@code host}: the
 * inbound connection's {@code host:port}, or an outbound connection's id).
 *
 * <p>Threading: immutable values; created by reader threads, consumed by the dispatcher thread.
 */
public sealed interface RingItem {

    /** The connection the item came from. */
    String host();

    /**
     * One event.
     *
     * @param host the connection it arrived on
     * @param event the event
     */
    record EventReceived(String host, EslEvent event) implements RingItem {
    }

    /**
     * The connection is up and authenticated, and its subscriptions are on the wire (commands the
     * consumer sends in reaction, e.g. a resynchronising {@code show channels}, come after them).
     *
     * @param host the connection
     * @param reconnected {@code true} after a drop: upper layers should resynchronise (events may
     *     have been missed, e.g. re-read live channels)
     */
    record ConnectionUp(String host, boolean reconnected) implements RingItem {
    }

    /**
     * The connection dropped or was closed; pending commands have failed.
     *
     * @param host the connection
     * @param reason why, in plain words (e.g. FreeSWITCH's disconnect notice, "connection lost")
     */
    record ConnectionDown(String host, String reason) implements RingItem {
    }

    /**
     * A frame that is neither a reply nor an event: {@code log/data}, a linger
     * {@code text/disconnect-notice}.
     *
     * @param host the connection
     * @param message the frame
     */
    record NoticeReceived(String host, EslMessage message) implements RingItem {
    }
}
