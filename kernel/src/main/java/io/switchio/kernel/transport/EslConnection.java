package io.switchio.kernel.transport;

import io.switchio.kernel.protocol.ApiCommand;
import io.switchio.kernel.protocol.BgapiCommand;
import io.switchio.kernel.protocol.EslCommand;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.protocol.EventCommand;
import io.switchio.kernel.protocol.ExitCommand;
import io.switchio.kernel.protocol.FilterCommand;
import io.switchio.kernel.protocol.FilterDeleteCommand;
import io.switchio.kernel.protocol.LogCommand;
import io.switchio.kernel.protocol.NixeventCommand;
import io.switchio.kernel.protocol.NologCommand;
import io.switchio.spi.AuthRefusedException;
import io.switchio.spi.ConnectionLostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One inbound ESL connection to one FreeSWITCH host: connects and authenticates, keeps the
 * desired subscriptions, pipelines commands, publishes events and connection state changes to
 * the {@link io.switchio.kernel.ring.EventRing}, and reconnects with backoff when the link dies.
 *
 * <p>Lifecycle: {@link #start()} connects on the caller's thread and throws
 * {@link AuthRefusedException} or {@link ConnectionLostException} if the first attempt fails;
 * {@link #startInBackground()} instead keeps retrying. Either way one virtual thread (from
 * {@link TransportThreads}) then owns the socket: it reads, frames, publishes, and reconnects.
 * {@link #close()} sends {@code exit}, waits (bounded) for the goodbye, closes and joins it.
 *
 * <p>Threading: {@code start*}/{@code close} from the owner; {@link #send} and the subscription
 * methods from any thread; the reader thread never runs application code, it only blocks when the
 * ring is full (TCP backpressure).
 */
public final class EslConnection implements AutoCloseable {

    private final EslConnectionConfig config;
    private final String address;
    private final SubscriptionState desired;
    private final ConnectionSession session;

    /** Creates the connection; nothing is opened or started until {@link #start()}. */
    public EslConnection(EslConnectionConfig config) {
        this.config = config;
        this.address = config.address();
        this.desired = new SubscriptionState(config.eventFormat(), !config.livenessTimeout().isZero());
        this.session = new ConnectionSession(config, desired);
    }

    /**
     * Connects and authenticates on the calling thread, then starts the reader.
     *
     * @throws AuthRefusedException wrong password ({@code -ERR invalid}) or ACL rejection
     * @throws ConnectionLostException FreeSWITCH unreachable or silent within the connect timeout
     */
    public void start() {
        session.start(true);
    }

    /** Starts the reader thread, which connects and retries with backoff until it succeeds. */
    public void startInBackground() {
        session.start(false);
    }

    /**
     * Sends a command (pipelined). The stage completes with the reply, or fails with
     * {@link io.switchio.spi.ApiException} ({@code -ERR} command/reply),
     * {@link io.switchio.spi.SwitchioTimeoutException} (no reply within the command timeout) or
     * {@link ConnectionLostException} (not connected, or the link dropped before the reply).
     */
    public CompletableFuture<EslMessage> send(EslCommand command) {
        return session.send(command);
    }

    /** {@code api <command>}; completes with the {@code api/response}. */
    public CompletableFuture<EslMessage> api(String command) {
        return send(new ApiCommand(command));
    }

    /** {@code bgapi <command>} with a fresh client-chosen Job-UUID. */
    public BgapiSubmission bgapi(String command) {
        BgapiCommand c = BgapiCommand.of(command);
        return new BgapiSubmission(c.jobUuid(), send(c));
    }

    /**
     * Adds event names to the desired subscription (kept across reconnects) and applies them now
     * when connected. {@code ALL} subscribes to everything; a name containing {@code ::} is a
     * {@code CUSTOM} subclass.
     *
     * @return the reply stage; when not connected, a stage that completes (with {@code null})
     *     once the change has been applied on the next connect, or fails if the connection is
     *     closed or gives up first
     */
    public CompletableFuture<EslMessage> subscribe(Set<String> names) {
        desired.add(names);
        List<String> plain = new ArrayList<>();
        List<String> custom = new ArrayList<>();
        for (String n : names) {
            (n.contains("::") ? custom : plain).add(n);
        }
        return session.sendIfConnected(new EventCommand(config.eventFormat(), plain, custom));
    }

    /** Removes event names from the desired subscription ({@code nixevent}). */
    public CompletableFuture<EslMessage> unsubscribe(Set<String> names) {
        desired.remove(names);
        List<String> plain = new ArrayList<>();
        List<String> custom = new ArrayList<>();
        for (String n : names) {
            (n.contains("::") ? custom : plain).add(n);
        }
        return session.sendIfConnected(new NixeventCommand(plain, custom));
    }

    /** Adds a filter to the desired state ({@code filter <header> <value>}). */
    public CompletableFuture<EslMessage> filter(String header, String value) {
        FilterCommand command = new FilterCommand(header, value);
        boolean first = desired.commands().stream().noneMatch(c -> c instanceof FilterCommand);
        desired.addFilter(header, value);
        if (first && !config.livenessTimeout().isZero()) {
            session.sendIfConnected(new FilterCommand("Event-Name", "HEARTBEAT"));
        }
        return session.sendIfConnected(command);
    }

    /** Removes filters ({@code filter delete <header> [<value>]}); {@code value} may be null. */
    public CompletableFuture<EslMessage> removeFilter(String header, String value) {
        desired.removeFilter(header, value);
        return session.sendIfConnected(new FilterDeleteCommand(header, value));
    }

    /** Sets the log level ({@code log <level>}), or stops logging with {@code null} ({@code nolog}). */
    public CompletableFuture<EslMessage> setLogLevel(String level) {
        desired.logLevel(level);
        return session.sendIfConnected(level == null ? new NologCommand() : new LogCommand(level));
    }

    /** {@code host:port}. */
    public String address() {
        return address;
    }

    /** Whether the link is up and authenticated right now. */
    public boolean isConnected() {
        return session.isConnected();
    }

    /** Events FreeSWITCH dropped, counted from {@code Event-Sequence} gaps (only under {@code ALL} without filters). */
    public long eventsLost() {
        return session.eventsLost();
    }

    /** How often this connection's reader found the ring full and had to wait. */
    public long ringStalls() {
        return session.ringStalls();
    }

    /** Successful reconnects after the first connect. */
    public long reconnects() {
        return session.reconnects();
    }

    /** JSON or XML event frames that could not be parsed (logged and skipped; plain events are indexed leniently on first access). */
    public long malformedEvents() {
        return session.malformedEvents();
    }

    /**
     * Sends {@code exit}, waits up to the close timeout for the goodbye notice and EOF, closes the
     * socket and joins the reader thread. Idempotent. Pending commands fail with
     * {@link ConnectionLostException}.
     */
    @Override
    public void close() {
        session.close(new ExitCommand());
    }

    @Override
    public String toString() {
        return "EslConnection[" + address + (isConnected() ? ", connected" : ", not connected") + "]";
    }
}
