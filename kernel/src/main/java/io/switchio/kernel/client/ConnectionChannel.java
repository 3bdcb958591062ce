package io.switchio.kernel.client;

import io.switchio.kernel.protocol.BgapiCommand;
import io.switchio.kernel.protocol.EslCommand;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.protocol.SendmsgCommand;
import io.switchio.kernel.transport.EslConnection;
import io.switchio.spi.ApiException;
import io.switchio.spi.ConnectionLostException;
import io.switchio.spi.SwitchioException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CommandChannel} of a host over its {@link EslConnection}: builds the protocol's
 * command values, waits for the reply and maps {@code -ERR} bodies of {@code api/response} to
 * {@link ApiException} (the connection already does so for {@code command/reply}).
 *
 * <p>Threading: any thread; the connection may be replaced (a host that was down at start gets a
 * new background-retrying connection) and is read through a volatile field.
 */
public final class ConnectionChannel implements CommandChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionChannel.class);

    private final ReentrantLock subscriptionLock = new ReentrantLock();
    private volatile EslConnection connection;
    private Set<String> subscribed = Set.of();

    /** @param connection the host's connection */
    public ConnectionChannel(EslConnection connection) {
        this.connection = connection;
    }

    /** Replaces the connection (the old one must be closed by the caller) and re-applies the subscription. */
    public void connection(EslConnection replacement) {
        subscriptionLock.lock();
        try {
            this.connection = replacement;
            Set<String> all = subscribed;
            subscribed = Set.of();
            subscribe(all);
        } finally {
            subscriptionLock.unlock();
        }
    }

    /** The current connection. */
    public EslConnection connection() {
        return connection;
    }

    @Override
    public String api(String command) {
        EslMessage reply = await(connection.api(command), "api " + command);
        if (reply.isError()) {
            throw new ApiException("api " + command, reply.replyText());
        }
        return reply.replyText();
    }

    @Override
    public String bgapi(String command, String jobUuid) {
        return await(connection.send(new BgapiCommand(command, jobUuid)), "bgapi " + command).replyText();
    }

    @Override
    public void execute(String uuid, String app, String arg, int loops) {
        EslCommand c = SendmsgCommand.execute(uuid, app, arg == null || arg.isEmpty() ? null : arg, loops, false, false);
        await(connection.send(c), "sendmsg " + uuid + " execute " + app);
    }

    @Override
    public void subscribe(Set<String> events) {
        CompletableFuture<?> replies;
        subscriptionLock.lock();
        try {
            Set<String> added = new HashSet<>(events);
            added.removeAll(subscribed);
            Set<String> removed = new HashSet<>(subscribed);
            removed.removeAll(events);
            EslConnection c = connection;
            CompletableFuture<EslMessage> add = added.isEmpty() ? CompletableFuture.completedFuture(null)
                    : logFailure(c.subscribe(added), "event " + added);
            CompletableFuture<EslMessage> remove = removed.isEmpty() ? CompletableFuture.completedFuture(null)
                    : logFailure(c.unsubscribe(removed), "nixevent " + removed);
            subscribed = Set.copyOf(events);
            // while disconnected the stages complete only on the next connect: do not wait for that
            replies = c.isConnected() ? CompletableFuture.allOf(add, remove) : CompletableFuture.completedFuture(null);
        } finally {
            subscriptionLock.unlock();
        }
        try {
            replies.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // logged by logFailure; the desired state is re-applied on reconnect
        }
    }

    private CompletableFuture<EslMessage> logFailure(CompletableFuture<EslMessage> reply, String what) {
        return reply.whenComplete((r, e) -> {
            if (e != null) {
                if (!(e instanceof ConnectionLostException || e.getCause() instanceof ConnectionLostException)) {
                    LOG.warn("{}: '{}' failed (re-applied on reconnect): {}", connection.address(), what, e.getMessage());
                }
            }
        });
    }

    /**
     * Sends the whole subscription again and waits for FreeSWITCH's reply, so that events of
     * channels created from now on are delivered (used before a resync after a reconnect).
     */
    public void confirmSubscription() {
        Set<String> all;
        subscriptionLock.lock();
        try {
            all = subscribed;
        } finally {
            subscriptionLock.unlock();
        }
        if (!all.isEmpty()) {
            await(connection.subscribe(all), "event " + all);
        }
    }

    @Override
    public boolean isConnected() {
        return connection.isConnected();
    }

    static EslMessage await(CompletableFuture<EslMessage> reply, String what) {
        try {
            return reply.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SwitchioException se) {
                throw se;
            }
            throw new ConnectionLostException("'" + what + "' failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.CancellationException e) {
            throw new ConnectionLostException("'" + what + "' was cancelled", e);
        }
    }
}
