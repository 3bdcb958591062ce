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
import io.switchio.spi.Parameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embeddable switchio runtime: one ESL connection per FreeSWITCH host, each with its own
 * dispatcher thread, models and apps, behind one {@link Cluster}.
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
    /** Every client apps are loaded on: each host's, then the outbound side's. */
    private final List<KernelClient> appTargets = new ArrayList<>();
    private final KernelCluster cluster;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean started;
    private boolean stopped;

    private Kernel(Builder b) {
        List<KernelClient> clients = new ArrayList<>();
        for (Builder.HostPort hp : b.hosts) {
            HostRuntime h = new HostRuntime(b, hp.host(), hp.port(), threads);
            hosts.add(h);
            clients.add(h.client());
        }
        this.cluster = new KernelCluster(clients);
        clients.forEach(c -> c.cluster(cluster));
        appTargets.addAll(clients);
        this.outbound = b.outbound == null ? null : new OutboundRuntime(b, threads);
        if (outbound != null) {
            outbound.client().cluster(cluster);
            appTargets.add(outbound.client());
        }
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
        return loadOnEveryHost(name, host -> app, options);
    }

    /**
     * Loads an app from its provider on every host: parameters are resolved against the
     * provider's specs; {@link Instancing#SHARED} creates one instance, {@link Instancing#PER_HOST}
     * one per host.
     *
     * @throws AppLoadException naming the app and why
     */
    public String loadApp(AppProvider provider, AppOptions options) {
        String id = provider.id();
        Parameters resolved;
        try {
            resolved = Parameters.resolve(id, provider.parameters(), options.parameters().asMap());
        } catch (IllegalArgumentException e) {
            throw new AppLoadException(e.getMessage(), e);
        }
        AppOptions opts = options.withParameters(resolved);
        if (provider.instancing() == Instancing.PER_HOST) {
            return loadOnEveryHost(id, target -> create(provider), opts);
        }
        Object shared = create(provider);
        return loadOnEveryHost(id, host -> shared, opts);
    }

    private static Object create(AppProvider provider) {
        try {
            return Objects.requireNonNull(provider.create(), "create() returned null");
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            throw new AppLoadException("app '" + provider.id() + "' could not be created: " + t, t);
        }
    }

    private String loadOnEveryHost(String name, Function<KernelClient, Object> instance, AppOptions options) {
        lock.lock();
        try {
            if (stopped) {
                throw new AppLoadException("app '" + name + "': the kernel is closed");
            }
            List<Object[]> done = new ArrayList<>();
            String group = null;
            try {
                for (KernelClient c : appTargets) {
                    Object app = instance.apply(c);
                    group = c.loadApp(name, app, options);
                    done.add(new Object[] {c, app, group});
                }
            } catch (RuntimeException e) {
                for (Object[] d : done) {
                    ((KernelClient) d[0]).unloadInstance((String) d[2], d[1]);
                }
                throw e instanceof AppLoadException ? e : new AppLoadException("app '" + name + "' failed to load: " + e, e);
            }
            return group;
        } finally {
            lock.unlock();
        }
    }

    /** Unloads a group on every host; true when any host had it. */
    public boolean unloadApp(String group) {
        lock.lock();
        try {
            boolean any = false;
            for (KernelClient c : appTargets) {
                any |= c.unloadApp(group);
            }
            return any;
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
     * Settings of a {@link Kernel}.
     *
     * <p>Threading: confined to the building thread.
     */
    public static final class Builder {

        /** One configured host. */
        record HostPort(String host, int port) {
        }

        /** The outbound server: where it listens and how long it lingers ({@code -1} until exit, {@code 0} not). */
        record Outbound(String bind, int port, int lingerSeconds) {
        }

        final List<HostPort> hosts = new ArrayList<>();
        Outbound outbound;
        String password = "ClueCon";
        List<String> appHeaders = List.of("variable_sip_h_X-switchio_app");
        String trackingHeader = "variable_call_uuid";
        Duration connectTimeout = Duration.ofSeconds(5);
        Duration commandTimeout = Duration.ofSeconds(10);
        Duration reconnectMin = Duration.ofMillis(100);
        Duration reconnectMax = Duration.ofSeconds(30);
        int reconnectAttempts;
        int historyLimit = 64;
        int ringCapacity = 65_536;

        private Builder() {
        }

        /** Adds a FreeSWITCH host (repeatable; at least one). */
        public Builder host(String host, int port) {
            if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("host must be a non-blank name or address: '" + host + "'");
            }
            if (port <= 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            hosts.add(new HostPort(host, port));
            return this;
        }

        /**
         * Also serves outbound mode (esl-protocol §6): listens for FreeSWITCH's dialplan
         * {@code socket <address>:<port> async full} connections, sends {@code connect},
         * {@code myevents} and {@code linger} (until the kernel exits, which it does after the
         * channel's {@code CHANNEL_HANGUP_COMPLETE}), and hands each channel to the loaded apps as
         * a session of {@link Kernel#outbound()}, its group chosen by the same activation headers
         * from its {@code CHANNEL_DATA}. With an outbound server no host is required.
         *
         * @param bindAddress the address to listen on, e.g. {@code 127.0.0.1}
         * @param port the port (0 picks a free one, see {@link Kernel#outboundPort()})
         */
        public Builder outbound(String bindAddress, int port) {
            return outbound(bindAddress, port, -1);
        }

        /**
         * Like {@link #outbound(String, int)} with a linger time: {@code -1} lingers until the
         * kernel exits, {@code 0} sends no {@code linger} (the only choice for a socket app
         * without {@code full}; then FreeSWITCH closes the socket at hangup and the session ends
         * without the events after it), a positive number lingers that many seconds.
         */
        public Builder outbound(String bindAddress, int port, int lingerSeconds) {
            if (bindAddress == null || bindAddress.isBlank()) {
                throw new IllegalArgumentException("outbound bind address must be non-blank");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("outbound port out of range: " + port);
            }
            if (lingerSeconds < -1) {
                throw new IllegalArgumentException("lingerSeconds must be -1 (until exit), 0 (none) or positive: " + lingerSeconds);
            }
            this.outbound = new Outbound(bindAddress, port, lingerSeconds);
            return this;
        }

        /** The event socket password ({@code ClueCon} by default). */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Activation headers, first present wins (default {@code variable_sip_h_X-switchio_app}). */
        public Builder appHeaders(List<String> headers) {
            if (headers.isEmpty()) {
                throw new IllegalArgumentException("at least one app header is needed");
            }
            this.appHeaders = List.copyOf(headers);
            return this;
        }

        /**
         * The header whose value groups legs into calls: {@code variable_call_uuid} (default, for
         * services), {@code variable_sip_h_X-switchio_originating_session} (calls switchio
         * originated), or any other.
         */
        public Builder trackingHeader(String header) {
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException("tracking header must be non-blank");
            }
            this.trackingHeader = header;
            return this;
        }

        /** Bound on TCP connect plus authentication (5 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /** Deadline for each command's reply and the default {@code recv} timeout (10 s). */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive("commandTimeout", timeout);
            return this;
        }

        /** Reconnect backoff bounds and the attempts before giving up (0 = never). */
        public Builder reconnect(Duration minBackoff, Duration maxBackoff, int maxAttempts) {
            this.reconnectMin = positive("minBackoff", minBackoff);
            this.reconnectMax = positive("maxBackoff", maxBackoff);
            if (maxBackoff.compareTo(minBackoff) < 0 || maxAttempts < 0) {
                throw new IllegalArgumentException("need minBackoff <= maxBackoff and maxAttempts >= 0");
            }
            this.reconnectAttempts = maxAttempts;
            return this;
        }

        /** Events kept per session (64). */
        public Builder historyLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("historyLimit must be at least 1: " + limit);
            }
            this.historyLimit = limit;
            return this;
        }

        /** Capacity of each host's event ring (65,536). */
        public Builder ringCapacity(int capacity) {
            if (capacity < 2) {
                throw new IllegalArgumentException("ringCapacity must be at least 2: " + capacity);
            }
            this.ringCapacity = capacity;
            return this;
        }

        /** Builds the kernel (nothing connects until {@link Kernel#start()}). */
        public Kernel build() {
            if (hosts.isEmpty() && outbound == null) {
                throw new IllegalStateException("configure at least one host or an outbound server");
            }
            return new Kernel(this);
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
