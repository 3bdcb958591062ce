package io.switchio.kernel.transport;

import io.switchio.kernel.protocol.EventFormat;
import io.switchio.kernel.ring.EventRing;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one inbound {@link EslConnection}. Build with {@link #builder(String, int, EventRing)}.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param host FreeSWITCH's address
 * @param port its event socket port (8021 by default in FreeSWITCH)
 * @param user {@code user@domain} for {@code userauth}, or {@code null} for plain {@code auth}
 * @param password the event socket password (or the user's {@code esl-password})
 * @param connectTimeout bound on TCP connect plus the auth handshake
 * @param commandTimeout deadline for each command's reply (default 10 s)
 * @param reconnectMin first reconnect delay (default 100 ms)
 * @param reconnectMax largest reconnect delay (default 30 s)
 * @param reconnectJitter random spread of each delay, 0..1 (default 0.2 = ±20 %)
 * @param maxReconnectAttempts consecutive failed attempts before giving up; 0 = never give up
 * @param livenessTimeout no traffic for this long means the connection is dead (default 60 s,
 *     three HEARTBEATs); {@link Duration#ZERO} disables the check
 * @param eventFormat the format events are requested in (default plain)
 * @param ring where events and connection state changes are published
 * @param closeTimeout how long {@code close()} waits for FreeSWITCH's goodbye (default 2 s)
 * @param threads the thread factory (one per connection unless shared)
 */
public record EslConnectionConfig(String host, int port, String user, String password, Duration connectTimeout,
        Duration commandTimeout, Duration reconnectMin, Duration reconnectMax, double reconnectJitter,
        int maxReconnectAttempts, Duration livenessTimeout, EventFormat eventFormat, EventRing ring,
        Duration closeTimeout, TransportThreads threads) {

    /** Validates every field. */
    public EslConnectionConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(eventFormat, "eventFormat");
        Objects.requireNonNull(threads, "threads");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (user != null && user.indexOf('@') <= 0) {
            throw new IllegalArgumentException("userauth user must be user@domain: " + user);
        }
        positive("connectTimeout", connectTimeout);
        positive("commandTimeout", commandTimeout);
        positive("reconnectMin", reconnectMin);
        positive("reconnectMax", reconnectMax);
        positive("closeTimeout", closeTimeout);
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax " + reconnectMax + " is below reconnectMin " + reconnectMin);
        }
        if (reconnectJitter < 0 || reconnectJitter > 1) {
            throw new IllegalArgumentException("reconnectJitter must be within 0..1: " + reconnectJitter);
        }
        if (maxReconnectAttempts < 0) {
            throw new IllegalArgumentException("maxReconnectAttempts must be >= 0 (0 = unbounded): " + maxReconnectAttempts);
        }
        if (livenessTimeout == null || livenessTimeout.isNegative()) {
            throw new IllegalArgumentException("livenessTimeout must be >= 0: " + livenessTimeout);
        }
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** {@code host:port}, the connection's name in logs and ring items. */
    public String address() {
        return host + ":" + port;
    }

    /** A builder with the defaults above and password {@code ClueCon}. */
    public static Builder builder(String host, int port, EventRing ring) {
        return new Builder(host, port, ring);
    }

    /**
     * Mutable builder for {@link EslConnectionConfig}.
     *
     * <p>Threading: confined to the building thread.
     */
    public static final class Builder {
        private final String host;
        private final int port;
        private final EventRing ring;
        private String user;
        private String password = "ClueCon";
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration commandTimeout = Duration.ofSeconds(10);
        private Duration reconnectMin = Duration.ofMillis(100);
        private Duration reconnectMax = Duration.ofSeconds(30);
        private double reconnectJitter = 0.2;
        private int maxReconnectAttempts;
        private Duration livenessTimeout = Duration.ofSeconds(60);
        private EventFormat eventFormat = EventFormat.PLAIN;
        private Duration closeTimeout = Duration.ofSeconds(2);
        private TransportThreads threads;

        private Builder(String host, int port, EventRing ring) {
            this.host = host;
            this.port = port;
            this.ring = ring;
        }

        /** {@code auth <password>}. */
        public Builder password(String password) {
            this.password = password;
            this.user = null;
            return this;
        }

        /** {@code userauth <user@domain>:<password>}. */
        public Builder userauth(String userAtDomain, String password) {
            this.user = userAtDomain;
            this.password = password;
            return this;
        }

        /** Bound on TCP connect plus auth. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        /** Deadline for each command's reply. */
        public Builder commandTimeout(Duration d) {
            this.commandTimeout = d;
            return this;
        }

        /** Reconnect backoff bounds and jitter (0..1). */
        public Builder reconnect(Duration min, Duration max, double jitter) {
            this.reconnectMin = min;
            this.reconnectMax = max;
            this.reconnectJitter = jitter;
            return this;
        }

        /** Consecutive failed attempts before giving up; 0 = unbounded. */
        public Builder maxReconnectAttempts(int n) {
            this.maxReconnectAttempts = n;
            return this;
        }

        /** No traffic for this long means dead; zero disables. */
        public Builder livenessTimeout(Duration d) {
            this.livenessTimeout = d;
            return this;
        }

        /** The event format to request. */
        public Builder eventFormat(EventFormat f) {
            this.eventFormat = f;
            return this;
        }

        /** How long close() waits for the goodbye notice. */
        public Builder closeTimeout(Duration d) {
            this.closeTimeout = d;
            return this;
        }

        /** A shared thread factory (default: a new one named after the address). */
        public Builder threads(TransportThreads t) {
            this.threads = t;
            return this;
        }

        /** Validates and builds. */
        public EslConnectionConfig build() {
            return new EslConnectionConfig(host, port, user, password, connectTimeout, commandTimeout, reconnectMin,
                    reconnectMax, reconnectJitter, maxReconnectAttempts, livenessTimeout, eventFormat, ring,
                    closeTimeout, threads != null ? threads : new TransportThreads("esl-" + host + ":" + port));
        }
    }
}
