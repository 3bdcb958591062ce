package io.switchio.kernel;

import io.switchio.kernel.app.AppRegistry;
import io.switchio.kernel.client.ChannelResync;
import io.switchio.kernel.client.ConnectionChannel;
import io.switchio.kernel.client.KernelClient;
import io.switchio.kernel.client.KernelSession;
import io.switchio.kernel.client.SubscriptionSet;
import io.switchio.kernel.dispatch.HostDispatcher;
import io.switchio.kernel.dispatch.KernelThreads;
import io.switchio.kernel.dispatch.RingDispatchLoop;
import io.switchio.kernel.model.HostScope;
import io.switchio.kernel.model.ModelRegistry;
import io.switchio.kernel.ring.EventRing;
import io.switchio.kernel.transport.EslConnection;
import io.switchio.kernel.transport.EslConnectionConfig;
import io.switchio.kernel.transport.TransportThreads;
import io.switchio.spi.ConnectionLostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the kernel runs for one FreeSWITCH host: its connection and ring, the dispatcher
 * thread, models, apps and client; and what happens when the connection comes and goes (pending
 * jobs fail on a drop; sessions are resynchronised after a reconnect).
 *
 * <p>Threading: {@link #startDispatch}, {@link #connect} and {@link #close} from the kernel's
 * owner thread; {@link #up}/{@link #down} on the host's dispatcher thread.
 */
final class HostRuntime implements RingDispatchLoop.ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(HostRuntime.class);

    private final String address;
    private final EslConnectionConfig config;
    private final ConnectionChannel channel;
    private final SubscriptionSet subscriptions;
    private final ModelRegistry models;
    private final HostDispatcher dispatcher;
    private final KernelClient client;
    private final RingDispatchLoop loop;
    private final KernelThreads threads;
    private final ConnectionDrops drops;
    private final ReentrantLock upLock = new ReentrantLock();
    private final Condition upChanged = upLock.newCondition();
    /**
     * True once the first connection attempt is left to the background: its first "up" needs a
     * resync. A foreground connect leaves it false, so its "up", which the dispatcher may handle
     * only after {@link #connect()} has returned (a loaded machine), never triggers one.
     */
    private volatile boolean reachedInBackground;

    HostRuntime(Kernel.Builder settings, String host, int port, KernelThreads threads) {
        this.address = host + ":" + port;
        this.threads = threads;
        this.drops = new ConnectionDrops(address);
        EventRing ring = new EventRing(settings.ringCapacity);
        this.config = EslConnectionConfig.builder(host, port, ring).password(settings.password)
                .connectTimeout(settings.connectTimeout).commandTimeout(settings.commandTimeout)
                .reconnect(settings.reconnectMin, settings.reconnectMax, 0.2)
                .maxReconnectAttempts(settings.reconnectAttempts)
                .threads(new TransportThreads("switchio-esl-" + address)).build();
        this.channel = new ConnectionChannel(new EslConnection(config));
        this.subscriptions = new SubscriptionSet(channel);
        HostScope scope = new HostScope(host, settings.historyLimit, settings.compactHistory, settings.commandTimeout, subscriptions);
        this.models = new ModelRegistry(scope, (s, uuid, app, first) -> new KernelSession(s, uuid, app, first, channel),
                settings.appHeaders, settings.trackingHeader);
        AppRegistry apps = new AppRegistry();
        this.dispatcher = new HostDispatcher(scope, models, apps, threads);
        this.client = new KernelClient(scope, port, channel, models, apps, subscriptions);
        this.loop = new RingDispatchLoop(address, ring, dispatcher, this, threads);
        models.counters().lostAtSource(() -> channel.connection().eventsLost());
    }

    KernelClient client() {
        return client;
    }

    String address() {
        return address;
    }

    /** Drops of this host's connection, ours and unexpected. */
    ConnectionDrops drops() {
        return drops;
    }

    void startDispatch() {
        subscriptions.resend();
        loop.start();
    }

    /**
     * Connects now; a host that cannot be reached is retried in the background.
     *
     * @return true when connected now
     * @throws io.switchio.spi.AuthRefusedException when the host refuses the password
     */
    boolean connect() {
        try {
            channel.connection().start();
            awaitUp();
            channel.confirmSubscription();
            return true;
        } catch (ConnectionLostException e) {
            LOG.warn("{}: not reachable at start ({}); retrying in the background, the other hosts serve meanwhile",
                    address, e.getMessage());
            reachedInBackground = true;
            channel.connection().close();
            channel.connection(new EslConnection(config));
            channel.connection().startInBackground();
            return false;
        }
    }

    /**
     * Waits until the connection reports itself up: its reader thread marks it connected just
     * after {@code start()} returns, and commands sent before that would be refused.
     */
    private void awaitUp() {
        upLock.lock();
        try {
            long left = config.connectTimeout().toNanos();
            while (!channel.isConnected() && left > 0) {
                left = upChanged.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            upLock.unlock();
        }
    }

    @Override
    public void up(boolean reconnected) {
        upLock.lock();
        try {
            upChanged.signalAll();
        } finally {
            upLock.unlock();
        }
        LOG.info("{}: connected{}", address, reconnected ? " again" : "");
        // A host reached in the background (down at start, or after a drop) may already carry
        // channels, some created before our subscription was on the wire: read them all.
        if (resyncOnUp(reconnected)) {
            threads.startTaskThread("resync-" + address, () -> {
                try {
                    channel.confirmSubscription();
                    Set<String> known = new HashSet<>();
                    models.sessions().forEach(s -> known.add(s.uuid()));
                    List<Map<String, String>> rows = ChannelResync.query(channel);
                    loop.submit(() -> ChannelResync.reconcile(models, known, rows).forEach(dispatcher::dispatch));
                } catch (RuntimeException e) {
                    LOG.error("{}: resync after reconnect failed; sessions may be stale: {}", address, e.toString(), e);
                }
            });
        }
    }

    /**
     * Whether an "up" calls for a resync: after a reconnect, or when the host was first reached in
     * the background. Decided from facts fixed before the connection came up, never from whether
     * {@link #connect()} is still running when the dispatcher handles the "up".
     */
    boolean resyncOnUp(boolean reconnected) {
        return reconnected || reachedInBackground;
    }

    @Override
    public void down(String reason) {
        drops.report(reason);
        models.failPendingJobs(new ConnectionLostException(address + ": connection lost before the job's result arrived: " + reason));
    }

    /** Tears the apps down, says goodbye to FreeSWITCH, stops the dispatcher thread. */
    void close() {
        try {
            client.unloadAll();
        } catch (RuntimeException e) {
            LOG.error("{}: unloading apps failed: {}", address, e.toString(), e);
        }
        drops.expect();
        channel.connection().close();
        try {
            loop.stop(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        models.shutdown(new ConnectionLostException(address + ": the kernel was closed"));
    }
}
