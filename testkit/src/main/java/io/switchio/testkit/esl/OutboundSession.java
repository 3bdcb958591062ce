package io.switchio.testkit.esl;

/**
 * An outbound socket connection the simulator dialled for a channel running the {@code socket}
 * application (esl-protocol.md §6).
 *
 * <p>Threading: immutable value; the callbacks run on the connection's reader thread.
 *
 * @param uuid the controlled channel
 * @param async {@code async} keyword: the channel parks and queued messages run while the socket lives
 * @param full {@code full} keyword: the whole inbound command set is available
 * @param onConnect called after the {@code connect} reply was queued
 * @param onEnd called once when the connection ends
 */
public record OutboundSession(String uuid, boolean async, boolean full, Runnable onConnect, Runnable onEnd) {
}
