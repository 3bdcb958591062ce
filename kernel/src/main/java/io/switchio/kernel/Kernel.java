package io.switchio.kernel;

import io.switchio.kernel.client.KernelClient;
import io.switchio.kernel.client.KernelCluster;
import io.switchio.kernel.dispatch.KernelThreads;
import io.switchio.spi.AppLoadException;
import io.switchio.spi.AppOptions;
import io.switchio.spi.AppProvider;
import io.switchio.spi.AuthRefusedException;
import io.switchio.spi.Client;
import io.switchio.spi.Cluster;
import io.switchio.spi.Instancing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embeddable switchio runtime: one ESL connection per FreeSWITCH host, each with its own
 * dispatcher thread, models and apps, behind one {@link Cluster}; optionally an outbound server
 * ({@link Builder#outbound(String, int)}) whose handed-over channels reach the same apps as
 * sessions of {@link #outbound()}.
 *
 * <pre>{@code
 * try (Kernel kernel = Kernel.builder().host("127.0.0.1", 8021).build()) {
 *     kernel.start();
 *     kernel.loadApp(new TonePlay(), AppOptions.group("TonePlay"));
 *     kernel.awaitClose();
 * }
 * }</pre>
 *
 * <p>Its classpath is {@code switchio-spi}, {@code switchio-kernel}, {@code jctools-core} and
 * {@code slf4j-api}. It logs through SLF4J only; without a provider SLF4J prints a one-line notice
 * ({@code -Dslf4j.internal.verbosity=ERROR} silences it) and the kernel is silent.
 *
 * <p>Threading: {@link #start}, the app methods and {@link #close} may be called from any thread
 * and are serialised; {@link #cluster()} is safe from any thread once built. Threads come from
 * {@link #start()} (a dispatcher per host, the transport's readers, virtual session threads) and
 * end in {@link #close()}.
 */
public final class Kernel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);

    private final KernelThreads threads = new KernelThreads("switchio");
    private final List<HostRuntime> hosts = new ArrayList<>();
    private final OutboundRuntime outbound;
    private final AppFanout apps;
    private final KernelCluster cluster;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean started;
    private boolean stopped;

    private Kernel(Builder b) {
        List<KernelClient> clients = new ArrayList<>();
        for (KernelSettings.HostPort hp : b.hosts) {
            HostRuntime h = new HostRuntime(b, hp.host(), hp.port(), threads);
            hosts.add(h);
            clients.add(h.client());
        }
        this.cluster = new KernelCluster(clients);
        clients.forEach(c -> c.cluster(cluster));
        List<KernelClient> appTargets = new ArrayList<>(clients);
        this.outbound = b.outbound == null ? null : new OutboundRuntime(b, threads);
        if (outbound != null) {
            outbound.client().cluster(cluster);
            appTargets.add(outbound.client());
        }
        this.apps = new AppFanout(appTargets);
    }

    /** A builder; at least one {@link Builder#host} or an {@link Builder#outbound} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every host's dispatcher and connects. A host that cannot be reached is logged and
     * retried in the background while the others serve.
     *
     * @throws AuthRefusedException when a host refuses the password (the kernel is closed)
     * @throws IllegalStateException when started twice or after close
     */
    public void start() {
        lock.lock();
        try {
            if (started || stopped) {
                throw new IllegalStateException(stopped ? "the kernel is closed" : "the kernel is already started");
            }
            started = true;
            if (outbound != null) {
                outbound.start();
            }
            hosts.forEach(HostRuntime::startDispatch);
            int up = 0;
            for (HostRuntime h : hosts) {
                try {
                    if (h.connect()) {
                        up++;
                    }
                } catch (AuthRefusedException e) {
                    lock.unlock();
                    try {
                        close();
                    } finally {
                        lock.lock();
                    }
                    throw e;
                }
            }
            LOG.info("switchio kernel started: {} of {} host(s) connected{}", up, hosts.size(),
                    outbound == null ? "" : ", outbound sockets accepted on port " + outbound.port());
        } finally {
            lock.unlock();
        }
    }

    /** Every host, with aggregate counts and the typed fan-out (the outbound side is not a host of it). */
    public Cluster cluster() {
        return cluster;
    }

    /**
     * The client of the outbound side (see {@link Builder#outbound(String, int)}): its sessions
     * are the channels FreeSWITCH handed over; its {@code api} goes over any open socket.
     */
    public Optional<Client> outbound() {
        return Optional.ofNullable(outbound == null ? null : outbound.client());
    }

    /**
     * The port the outbound server listens on (useful with port 0).
     *
     * @throws IllegalStateException when no outbound server is configured or it is not started
     */
    public int outboundPort() {
        lock.lock();
        try {
            if (outbound == null || !started) {
                throw new IllegalStateException(outbound == null ? "no outbound server is configured" : "the kernel is not started");
            }
            return outbound.port();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Loads the same app instance on every host.
     *
     * @return the group it was loaded under
     * @throws AppLoadException naming the app and why; hosts it was already loaded on are rolled back
     */
    public String loadApp(Object app, AppOptions options) {
        Objects.requireNonNull(app, "app");
        String name = app.getClass().getSimpleName().isEmpty() ? app.getClass().getName() : app.getClass().getSimpleName();
        lock.lock();
        try {
            requireOpen(name);
            return apps.load(name, target -> app, options);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Loads an app from its provider on every host: parameters are resolved against the
     * provider's specs; {@link Instancing#SHARED} creates one instance, {@link Instancing#PER_HOST}
     * one per host.
     *
     * @throws AppLoadException naming the app and why
     */
    public String loadApp(AppProvider provider, AppOptions options) {
        lock.lock();
        try {
            requireOpen(provider.id());
            return apps.load(provider, options);
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen(String name) {
        if (stopped) {
            throw new AppLoadException("app '" + name + "': the kernel is closed");
        }
    }

    /** Unloads a group on every host; true when any host had it. */
    public boolean unloadApp(String group) {
        lock.lock();
        try {
            return apps.unload(group);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hangs up the calls of every loaded group on every host, including the {@code default}
     * group's, and the channels handed over to the outbound side.
     */
    public void hupall() {
        cluster.onEveryHost(c -> {
            c.hupall();
            return null;
        });
        if (outbound != null) {
            outbound.hupall();
        }
    }

    /** Blocks until {@link #close()} ran (a service's main thread waits here). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Like {@link #awaitClose()} with a bound; true when closed. */
    public boolean awaitClose(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Session threads (mailbox drains and coroutines) alive now; 0 when idle. */
    public int liveSessionThreads() {
        return threads.liveSessionThreads();
    }

    /** Tears the apps down, exits and closes every connection, stops the threads. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            stopped = true;
            if (outbound != null && started) {
                try {
                    outbound.close();
                } catch (RuntimeException e) {
                    LOG.error("outbound server: close failed: {}", e.toString(), e);
                }
            }
            for (HostRuntime h : hosts) {
                try {
                    h.close();
                } catch (RuntimeException e) {
                    LOG.error("{}: close failed: {}", h.address(), e.toString(), e);
                }
            }
            LOG.info("switchio kernel closed");
        } finally {
            closed.countDown();
            lock.unlock();
        }
    }

    /**
     * Settings of a {@link Kernel}: the setters are those of {@link KernelSettings}, documented
     * there and inherited here.
     *
     * <p>Threading: confined to the building thread.
     */
    public static final class Builder extends KernelSettings {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** Builds the kernel (nothing connects until {@link Kernel#start()}). */
        public Kernel build() {
            if (hosts.isEmpty() && outbound == null) {
                throw new IllegalStateException("configure at least one host or an outbound server");
            }
            return new Kernel(this);
        }
    }
}
