package io.switchio.kernel.client;

import io.switchio.kernel.protocol.ApiCommand;
import io.switchio.kernel.protocol.BgapiCommand;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.protocol.EventCommand;
import io.switchio.kernel.protocol.EventFormat;
import io.switchio.kernel.protocol.NixeventCommand;
import io.switchio.kernel.protocol.SendmsgCommand;
import io.switchio.kernel.transport.OutboundChannel;
import io.switchio.spi.ApiException;
import io.switchio.spi.ConnectionLostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CommandChannel} of one channel FreeSWITCH handed over through the dialplan
 * {@code socket} application: every command goes over that channel's own socket.
 * {@code sendmsg} to the controlled channel is sent without a uuid (esl-protocol §5.8);
 * {@code api}, {@code bgapi}, {@code event} and {@code nixevent} need the socket app's
 * {@code full} keyword (§5.1), otherwise FreeSWITCH answers {@code -ERR command not found}, which
 * surfaces as {@link ApiException}.
 *
 * <p>Subscriptions: {@code myevents} already delivers the channel events of §5.6; only names
 * beyond those are sent with {@code event}/{@code nixevent}, so a {@code nixevent} never removes
 * what {@code myevents} enabled.
 *
 * <p>Threading: any thread; calls block (cheaply on virtual threads); subscription changes are
 * serialised by a lock and never wait while holding it.
 */
public final class ControlledChannel implements CommandChannel {

    /** What {@code myevents} subscribes to in outbound mode (esl-protocol §5.6). */
    public static final Set<String> MYEVENTS = Set.of("CHANNEL_ANSWER", "CHANNEL_APPLICATION", "CHANNEL_BRIDGE",
            "CHANNEL_CREATE", "CHANNEL_DATA", "CHANNEL_DESTROY", "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE",
            "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_ORIGINATE", "CHANNEL_UUID", "CHANNEL_OUTGOING",
            "CHANNEL_PARK", "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA", "CHANNEL_STATE", "CHANNEL_UNBRIDGE",
            "CHANNEL_UNPARK", "DETECTED_SPEECH", "DTMF", "NOTALK", "TALK");

    private static final Logger LOG = LoggerFactory.getLogger(ControlledChannel.class);

    private final OutboundChannel channel;
    private final EventFormat format;
    private final ReentrantLock lock = new ReentrantLock();
    private Set<String> subscribed = Set.of();

    /**
     * @param channel the handed-over channel's connection
     * @param format the event format the connection uses
     */
    public ControlledChannel(OutboundChannel channel, EventFormat format) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.format = Objects.requireNonNull(format, "format");
    }

    /** The controlled channel's uuid. */
    public String uniqueId() {
        return channel.uniqueId();
    }

    /** The connection. */
    public OutboundChannel connection() {
        return channel;
    }

    @Override
    public String api(String command) {
        EslMessage reply = ConnectionChannel.await(send(new ApiCommand(command)), "api " + command);
        if (reply.isError()) {
            throw new ApiException("api " + command, reply.replyText());
        }
        return reply.replyText();
    }

    @Override
    public String bgapi(String command, String jobUuid) {
        return ConnectionChannel.await(send(new BgapiCommand(command, jobUuid)), "bgapi " + command).replyText();
    }

    @Override
    public void execute(String uuid, String app, String arg, int loops) {
        String target = uuid.equals(channel.uniqueId()) ? null : uuid;
        SendmsgCommand c = SendmsgCommand.execute(target, app, arg == null || arg.isEmpty() ? null : arg, loops, false, false);
        ConnectionChannel.await(send(c), "sendmsg execute " + app + " on " + channel.id());
    }

    private CompletableFuture<EslMessage> send(io.switchio.kernel.protocol.EslCommand command) {
        if (!channel.isOpen()) {
            return CompletableFuture.failedFuture(new ConnectionLostException(
                    channel.id() + ": the channel's socket is closed; '" + command.verb() + "' not sent"));
        }
        return channel.send(command);
    }

    /**
     * Subscribes the names beyond {@link #MYEVENTS}; returns once FreeSWITCH answered (a refusal,
     * e.g. a socket app without {@code full}, is logged: {@code recv} on such a name then times out).
     */
    @Override
    public void subscribe(Set<String> events) {
        CompletableFuture<?> replies = subscribeAsync(events);
        try {
            replies.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // logged where the reply failed
        }
    }

    /** Like {@link #subscribe} without waiting (for the connection's reader thread). */
    public CompletableFuture<?> subscribeAsync(Set<String> events) {
        lock.lock();
        try {
            Set<String> wanted = new LinkedHashSet<>(events);
            wanted.removeAll(MYEVENTS);
            Set<String> added = new LinkedHashSet<>(wanted);
            added.removeAll(subscribed);
            Set<String> removed = new LinkedHashSet<>(subscribed);
            removed.removeAll(wanted);
            subscribed = Set.copyOf(wanted);
            if (!channel.isOpen()) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<?> add = added.isEmpty() ? CompletableFuture.completedFuture(null)
                    : logged(channel.send(new EventCommand(format, plain(added), custom(added))), "event " + added);
            CompletableFuture<?> remove = removed.isEmpty() ? CompletableFuture.completedFuture(null)
                    : logged(channel.send(new NixeventCommand(plain(removed), custom(removed))), "nixevent " + removed);
            return CompletableFuture.allOf(add, remove);
        } finally {
            lock.unlock();
        }
    }

    private static List<String> plain(Set<String> names) {
        return names.stream().filter(n -> !n.contains("::")).toList();
    }

    private static List<String> custom(Set<String> names) {
        return names.stream().filter(n -> n.contains("::")).toList();
    }

    private CompletableFuture<EslMessage> logged(CompletableFuture<EslMessage> reply, String what) {
        return reply.whenComplete((r, e) -> {
            if (e != null) {
                LOG.warn("{}: '{}' failed: {}", channel.id(), what, e.getMessage());
            }
        });
    }

    @Override
    public boolean isConnected() {
        return channel.isOpen();
    }

    @Override
    public String toString() {
        return "ControlledChannel[" + channel.id() + ", " + channel.uniqueId() + "]";
    }
}
