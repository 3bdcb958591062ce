package io.switchio.kernel;

import io.switchio.kernel.app.AppRegistry;
import io.switchio.kernel.client.ControlledChannel;
import io.switchio.kernel.client.ControlledChannels;
import io.switchio.kernel.client.KernelClient;
import io.switchio.kernel.client.KernelSession;
import io.switchio.kernel.client.SubscriptionSet;
import io.switchio.kernel.dispatch.HostDispatcher;
import io.switchio.kernel.dispatch.KernelThreads;
import io.switchio.kernel.dispatch.RingDispatchLoop;
import io.switchio.kernel.model.HostScope;
import io.switchio.kernel.model.ModelRegistry;
import io.switchio.kernel.model.SyntheticEvent;
import io.switchio.kernel.protocol.EventFormat;
import io.switchio.kernel.ring.EventRing;
import io.switchio.kernel.transport.EslOutboundServer;
import io.switchio.kernel.transport.OutboundChannel;
import io.switchio.kernel.transport.TransportThreads;
import io.switchio.spi.ConnectionLostException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound side of the kernel (esl-protocol §6): a server that accepts FreeSWITCH's dialplan
 * {@code socket} connections, performs {@code connect}, {@code myevents} and {@code linger}, and
 * hands each channel to the same machinery as a host's: models, dispatcher, apps and a client.
 * A channel's session is created by its {@code CHANNEL_DATA}, its events are dispatched in the
 * order its socket delivered them, its commands go over its own socket, and it ends with
 * {@code CHANNEL_HANGUP_COMPLETE} (the kernel then sends {@code exit}) or, when the socket closes
 * first (no {@code linger}, or FreeSWITCH went away), with a synthetic {@code CHANNEL_DESTROY}.
 *
 * <p>Threading: {@link #start} and {@link #close} from the kernel's owner thread;
 * {@link #accepted} on a connection's reader thread; {@link #up}/{@link #down} on the outbound
 * dispatcher thread.
 */
final class OutboundRuntime implements RingDispatchLoop.ConnectionListener {

    /** The {@code switchio-Synthetic} reason of the destroy made up when a socket ends first. */
    static final String SOCKET_ENDED = "outbound socket ended";

    private static final Logger LOG = LoggerFactory.getLogger(OutboundRuntime.class);
    private static final EventFormat FORMAT = EventFormat.PLAIN;

    private final String address;
    private final ControlledChannels channels = new ControlledChannels();
    private final Map<String, String> uuidById = new ConcurrentHashMap<>();
    private final ModelRegistry models;
    private final HostDispatcher dispatcher;
    private final KernelClient client;
    private final RingDispatchLoop loop;
    private final EslOutboundServer server;
    private final SubscriptionSet subscriptions;

    OutboundRuntime(Kernel.Builder settings, KernelThreads threads) {
        KernelSettings.Outbound o = settings.outbound;
        this.address = "outbound " + o.bind() + ":" + o.port();
        EventRing ring = new EventRing(settings.ringCapacity);
        this.subscriptions = new SubscriptionSet(channels);
        HostScope scope = new HostScope("outbound", settings.historyLimit, settings.compactHistory, settings.commandTimeout, subscriptions);
        this.models = new ModelRegistry(scope,
                (s, uuid, app, first) -> new KernelSession(s, uuid, app, first, channels.require(uuid)),
                settings.appHeaders, settings.trackingHeader);
        models.controlledChannels();
        models.onEnded(this::ended);
        AppRegistry apps = new AppRegistry();
        this.dispatcher = new HostDispatcher(scope, models, apps, threads);
        this.client = new KernelClient(scope, o.port(), channels, models, apps, subscriptions);
        this.loop = new RingDispatchLoop("outbound", ring, dispatcher, this, threads);
        this.server = new EslOutboundServer(new InetSocketAddress(o.bind(), o.port()), ring, FORMAT,
                o.lingerSeconds() != 0, o.lingerSeconds() < 0 ? null : o.lingerSeconds(), settings.commandTimeout,
                this::accepted, new TransportThreads("switchio-outbound"));
    }

    KernelClient client() {
        return client;
    }

    /** The port the server listens on (after {@link #start}). */
    int port() {
        return server.port();
    }

    /** Starts the dispatcher, then listens. */
    void start() {
        subscriptions.resend();
        loop.start();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(address + ": cannot listen: " + e.getMessage(), e);
        }
        LOG.info("{}: listening on port {}", address, server.port());
    }

    /** On the connection's reader thread, before its events are read: must not wait. */
    private void accepted(OutboundChannel channel) {
        uuidById.put(channel.id(), channel.uniqueId());
        channels.add(new ControlledChannel(channel, FORMAT));
        LOG.debug("{}: channel {} handed over on {}", address, channel.uniqueId(), channel.id());
    }

    /** A session ended on {@code CHANNEL_HANGUP_COMPLETE} or a made-up destroy: say goodbye. */
    private void ended(io.switchio.kernel.model.SessionModel session) {
        ControlledChannel c = channels.get(session.uuid());
        if (c != null) {
            c.connection().close();
        }
    }

    @Override
    public void up(boolean reconnected) {
        // one per handed-over channel; the CHANNEL_DATA that follows creates its session
    }

    @Override
    public void down(String reason) {
        String id = server.pollEnded();
        String uuid = id == null ? null : uuidById.remove(id);
        if (uuid == null) {
            LOG.debug("{}: a connection ended before its channel was handed over: {}", address, reason);
            return;
        }
        channels.remove(uuid);
        if (models.session(uuid) != null) {
            LOG.info("{}: socket of channel {} ended before its CHANNEL_HANGUP_COMPLETE ({})", address, uuid, reason);
            dispatcher.dispatch(SyntheticEvent.of("CHANNEL_DESTROY", uuid, SOCKET_ENDED, Map.of("switchio-Reason", reason)));
        }
    }

    /**
     * Hangs up the handed-over channels of every loaded group, each with a {@code uuid_kill}
     * (a group-wide {@code hupall} would need an open socket and reach the host's other calls).
     */
    void hupall() {
        for (String group : client.apps().keySet()) {
            client.killSessions(group);
        }
    }

    /** Unloads the apps, says goodbye on every socket, stops listening and the dispatcher. */
    void close() {
        try {
            client.unloadAll();
        } catch (RuntimeException e) {
            LOG.error("{}: unloading apps failed: {}", address, e.toString(), e);
        }
        for (ControlledChannel c : channels.open()) {
            c.connection().close();
        }
        server.close();
        try {
            loop.stop(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        models.shutdown(new ConnectionLostException(address + ": the kernel was closed"));
    }
}
