package io.switchio.kernel.transport;

import io.switchio.kernel.protocol.EslCommand;
import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.protocol.ExitCommand;
import java.util.concurrent.CompletableFuture;

/**
 * One channel that FreeSWITCH handed over through the dialplan {@code socket} application, after
 * {@code connect}, {@code myevents} and (if configured) {@code linger} succeeded. Its events reach
 * the ring as {@link io.switchio.kernel.ring.RingItem.EventReceived} tagged with {@link #id()}.
 *
 * <p>Threading: {@link #send} and {@link #close} from any thread; created and read by the
 * connection's reader thread.
 */
public final class OutboundChannel {

    private final String id;
    private final EslEvent channelData;
    private final EslLink link;
    private final long commandTimeoutNanos;

    OutboundChannel(String id, EslEvent channelData, EslLink link, long commandTimeoutNanos) {
        this.id = id;
        this.channelData = channelData;
        this.link = link;
        this.commandTimeoutNanos = commandTimeoutNanos;
    }

    /** The connection id used as {@code host} in ring items, e.g. {@code outbound-3@127.0.0.1:5432}. */
    public String id() {
        return id;
    }

    /** The {@code CHANNEL_DATA} event from the {@code connect} reply. */
    public EslEvent channelData() {
        return channelData;
    }

    /** The controlled channel's {@code Unique-ID}. */
    public String uniqueId() {
        return channelData.header("Unique-ID");
    }

    /** Sends a command on this connection (pipelined, with the server's command timeout). */
    public CompletableFuture<EslMessage> send(EslCommand command) {
        return link.send(command, commandTimeoutNanos);
    }

    /** Whether the connection is still open. */
    public boolean isOpen() {
        return !link.isClosed();
    }

    /**
     * Sends {@code exit}; the socket is closed when FreeSWITCH answers, fails to answer within the
     * command timeout, or the link drops. Idempotent.
     */
    public void close() {
        if (!link.isClosed()) {
            link.send(new ExitCommand(), commandTimeoutNanos).whenComplete((r, e) -> link.close());
        }
    }

    @Override
    public String toString() {
        return "OutboundChannel[" + id + ", " + uniqueId() + "]";
    }
}
