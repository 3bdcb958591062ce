package io.switchio.testkit;

import io.switchio.testkit.api.Legs;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.EventBus;
import io.switchio.testkit.engine.HangupCause;
import io.switchio.testkit.engine.SimConfig;
import io.switchio.testkit.engine.SimThreads;
import io.switchio.testkit.engine.SwitchEngine;
import io.switchio.testkit.esl.EslServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A protocol-faithful FreeSWITCH over real TCP: mod_event_socket in inbound mode on 127.0.0.1, a
 * channel engine with loopback and self-addressed sofia endpoints, dialplan apps, API commands,
 * faults. Use it in tests like a real switch:
 *
 * <pre>{@code
 * try (FreeSwitchSimulator fs = FreeSwitchSimulator.builder().build().start()) {
 *     // connect an ESL client to fs.host():fs.port() with fs.password()
 * }
 * }</pre>
 *
 * <p>Threading: build/start/close from one thread; every other method from any thread.
 */
public final class FreeSwitchSimulator implements AutoCloseable {
    private final SimConfig config;
    private final int port;
    private EventBus bus;
    private SwitchEngine engine;
    private Legs legs;
    private SimSwitch parts;
    private EslServer server;
    private SimFaults faults;
    private Heartbeats heartbeats;
    private final SimThreads threads = new SimThreads(Integer.toHexString(System.identityHashCode(this)));

    private FreeSwitchSimulator(SimConfig config, int port) {
        this.config = config;
        this.port = port;
    }

    /**
     * A builder with FreeSWITCH's defaults (password ClueCon, hostname sim, real time).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds 127.0.0.1:port and starts the switch; returns this.
     *
     * @return this simulator, listening
     */
    public FreeSwitchSimulator start() {
        if (engine != null) {
            throw new IllegalStateException("simulator already started");
        }
        SimSwitch sw = SimSwitch.assemble(config, port);
        bus = sw.bus();
        engine = sw.engine();
        legs = sw.legs();
        server = sw.server();
        parts = sw;
        faults = new SimFaults(server, this);
        engine.start(threads);
        try {
            server.start(threads);
        } catch (IOException e) {
            engine.close();
            throw new UncheckedIOException("simulator could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        heartbeats = new Heartbeats(engine, legs, config);
        heartbeats.start();
        return this;
    }

    /**
     * The listening port.
     *
     * @return the port on 127.0.0.1
     */
    public int port() {
        requireStarted();
        return server.port();
    }

    /**
     * Always {@code 127.0.0.1}.
     *
     * @return {@code 127.0.0.1}
     */
    public String host() {
        return "127.0.0.1";
    }

    /**
     * The ESL password.
     *
     * @return the password {@code auth} expects
     */
    public String password() {
        return config.password();
    }

    /**
     * The configuration.
     *
     * @return the settings it was built with
     */
    public SimConfig config() {
        return config;
    }

    /**
     * A call arriving from outside on the first SIP profile ({@code external}), parked in the park
     * context like capture e; variables become channel variables (e.g. {@code sip_h_X-Id}).
     * Returns the new channel's uuid.
     *
     * @param destination the dialled number ({@code Caller-Destination-Number})
     * @param variables channel variables to set, or null
     * @return the new channel's uuid
     */
    public String injectInboundCall(String destination, Map<String, String> variables) {
        requireStarted();
        String uuid = engine.newUuid();
        Map<String, String> vars = variables == null ? Map.of() : new LinkedHashMap<>(variables);
        engine.call(() -> {
            HangupCause refused = engine.admit();
            if (refused != null) {
                throw new IllegalStateException("simulator refused the inbound call: " + refused);
            }
            Map.Entry<String, Integer> profile = config.sipProfiles().entrySet().iterator().next();
            String from = vars.getOrDefault("caller_id_number", "sipp");
            Channel ch = legs.inboundSip(profile.getKey(), profile.getValue(), from, "127.0.0.1", 5070, destination,
                    vars, uuid);
            ch.callerHoldMillis = config.callerHoldTime().toMillis();
            return null;
        });
        return uuid;
    }

    /**
     * Snapshots of every live channel, oldest first.
     *
     * @return the live channels, oldest first
     */
    public List<SimChannel> channels() {
        requireStarted();
        return engine.call(() -> {
            List<SimChannel> out = new ArrayList<>();
            for (Channel ch : engine.sortedChannels()) {
                out.add(snapshot(ch));
            }
            return out;
        });
    }

    /**
     * A snapshot of one channel.
     *
     * @param uuid the channel's {@code Unique-ID}
     * @return its snapshot, or empty if no such channel lives
     */
    public Optional<SimChannel> channel(String uuid) {
        requireStarted();
        return engine.call(() -> Optional.ofNullable(engine.channel(uuid)).map(FreeSwitchSimulator::snapshot));
    }

    /** Suffix of this simulator's thread names. */
    String threadTag() {
        return threads.tag();
    }

    /** How many of this simulator's threads (platform and virtual) are still running. */
    int liveThreads() {
        return threads.live();
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("simulator not started: call start() first");
        }
    }

    private static SimChannel snapshot(Channel ch) {
        Channel peer = ch.bridged != null ? ch.bridged : ch.signalPeer;
        return new SimChannel(ch.uuid, ch.name, ch.outbound ? "outbound" : "inbound", ch.state.name(),
                ch.callState.name(), ch.answered, ch.vars.toMap(), peer == null ? null : peer.uuid);
    }

    /**
     * Fault injection.
     *
     * @return the faults of this simulator
     */
    public SimFaults faults() {
        requireStarted();
        return faults;
    }

    /**
     * Counters.
     *
     * @return the counters now
     */
    public SimStats stats() {
        requireStarted();
        return new SimStats(engine.originates(), engine.created(), engine.destroyed(), engine.sessionCount(),
                bus.firedCount(), server.eventsWritten(), server.acceptedCount(), server.openCount());
    }

    /** Reports a line per call leg created and hung up (for {@link SimulatorMain} --verbose). */
    void callLines(java.util.function.Consumer<String> lines) {
        parts.callLines(lines);
    }

    void loseEvents(int n) {
        bus.loseEvents(n);
    }

    void restartSwitch() {
        parts.restartSwitch();
    }

    /** Stops everything; no thread is left. */
    @Override
    public void close() {
        if (heartbeats != null) {
            heartbeats.close();
        }
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
        try {
            if (!threads.join(Duration.ofSeconds(5))) {
                System.getLogger("io.switchio.testkit").log(System.Logger.Level.WARNING,
                        "simulator threads still running 5 s after close(): " + threads.live());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Settings of a simulator.
     *
     * <p>Threading: one thread.
     */
    public static final class Builder {
        private int port;
        private String password = "ClueCon";
        private String hostname = "sim";
        private double speed = 1.0;
        private Duration heartbeat = Duration.ofSeconds(20);
        private final Map<String, Integer> profiles = new LinkedHashMap<>();
        private int maxSessions = 1000;
        private int sps = 0;
        private double arrivals;
        private String arrivalDestination = "1000";
        private boolean aclReject;
        private int queueLimit = 100_000;
        private int maxLost = 500;
        private Duration firstCommandTimeout = Duration.ofSeconds(25);
        private Duration callerHoldTime = Duration.ZERO;

        private Builder() {
        }

        /**
         * Port on 127.0.0.1 (0 = ephemeral, the default).
         *
         * @param p the port, 0 for an ephemeral one
         * @return this builder
         */
        public Builder port(int p) {
            this.port = p;
            return this;
        }

        /**
         * ESL password (default ClueCon).
         *
         * @param p the password
         * @return this builder
         */
        public Builder password(String p) {
            this.password = p;
            return this;
        }

        /**
         * FreeSWITCH-Hostname (default sim).
         *
         * @param h the hostname
         * @return this builder
         */
        public Builder hostname(String h) {
            this.hostname = h;
            return this;
        }

        /**
         * Clock speed (1.0 = real time; 10 plays a 10 s call in 1 s).
         *
         * @param s simulated seconds per real second
         * @return this builder
         */
        public Builder speed(double s) {
            this.speed = s;
            return this;
        }

        /**
         * HEARTBEAT period (default 20 s).
         *
         * @param d the period
         * @return this builder
         */
        public Builder heartbeatInterval(Duration d) {
            this.heartbeat = d;
            return this;
        }

        /**
         * Adds a SIP profile address 127.0.0.1:port (defaults: external 5080, internal 5060).
         *
         * @param name the profile name
         * @param p its port
         * @return this builder
         */
        public Builder sipProfile(String name, int p) {
            profiles.put(name, p);
            return this;
        }

        /**
         * max_sessions (default 1000; 0 = unlimited).
         *
         * @param n the limit, 0 for none
         * @return this builder
         */
        public Builder maxSessions(int n) {
            this.maxSessions = n;
            return this;
        }

        /**
         * Sessions per second limit (0 = unlimited, the default).
         *
         * @param n the limit, 0 for none
         * @return this builder
         */
        public Builder sessionsPerSecond(int n) {
            this.sps = n;
            return this;
        }

        /**
         * Poisson arrivals of inbound calls to {@code destination} (0 = off).
         *
         * @param callsPerSecond mean arrival rate, 0 for none
         * @param destination the dialled number of each arrival
         * @return this builder
         */
        public Builder inboundArrivals(double callsPerSecond, String destination) {
            this.arrivals = callsPerSecond;
            this.arrivalDestination = destination;
            return this;
        }

        /**
         * How long (simulated time) each simulated caller, i.e. the remote SIP party behind an arrival
         * or an {@link #injectInboundCall injected} call, stays on after its call is answered before it
         * sends BYE: the inbound leg then hangs up with {@code NORMAL_CLEARING} and the sequence of a
         * remote hangup (§14.6). {@link Duration#ZERO} (the default): until the switch side hangs up.
         *
         * @param d simulated time from answer to the caller's BYE, zero for never
         * @return this builder
         */
        public Builder callerHoldTime(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("callerHoldTime must not be negative: " + d);
            }
            this.callerHoldTime = d;
            return this;
        }

        /**
         * Reject every ESL client like a failing ACL.
         *
         * @param reject true to reject every client
         * @return this builder
         */
        public Builder aclReject(boolean reject) {
            this.aclReject = reject;
            return this;
        }

        /**
         * Per-connection event queue (default 100,000) and consecutive losses before the kill (default 500).
         *
         * @param queueLimit events queued per connection before they are lost
         * @param maxLostEvents consecutive lost events before the connection is closed
         * @return this builder
         */
        public Builder slowConsumer(int queueLimit, int maxLostEvents) {
            this.queueLimit = queueLimit;
            this.maxLost = maxLostEvents;
            return this;
        }

        /**
         * How long a connection may stay silent before its first command (FreeSWITCH: 25 s, real time).
         *
         * @param d the silence allowed
         * @return this builder
         */
        public Builder firstCommandTimeout(Duration d) {
            this.firstCommandTimeout = d;
            return this;
        }

        /**
         * The simulator (not started).
         *
         * @return a simulator to {@link FreeSwitchSimulator#start() start}
         */
        public FreeSwitchSimulator build() {
            Map<String, Integer> p = new LinkedHashMap<>(profiles);
            if (p.isEmpty()) {
                p.put("external", 5080);
                p.put("internal", 5060);
            }
            return new FreeSwitchSimulator(new SimConfig(hostname, password, speed, heartbeat,
                    java.util.Collections.unmodifiableMap(p), maxSessions, sps, arrivals, arrivalDestination,
                    aclReject, queueLimit, maxLost, firstCommandTimeout, callerHoldTime), port);
        }
    }
}
