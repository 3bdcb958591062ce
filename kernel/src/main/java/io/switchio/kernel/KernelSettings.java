package io.switchio.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings a {@link Kernel.Builder} collects, with their defaults and checks; each setter is
 * public and returns the builder, so the builder's API is exactly these methods plus
 * {@link Kernel.Builder#build()}.
 *
 * <p>Threading: confined to the building thread.
 */
abstract class KernelSettings {

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
    boolean compactHistory;
    int ringCapacity = 65_536;

    KernelSettings() {
    }

    /** This builder, typed as the public one. */
    abstract Kernel.Builder self();

    /** Adds a FreeSWITCH host (repeatable; at least one). */
    public Kernel.Builder host(String host, int port) {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("host must be a non-blank name or address: '" + host + "'");
        }
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        hosts.add(new HostPort(host, port));
        return self();
    }

    /**
     * Also serves outbound mode (esl-protocol §6): listens for FreeSWITCH's dialplan
     * {@code socket <address>:<port> async full} connections, sends {@code connect},
     * {@code myevents} and {@code linger} (until the kernel exits, which it does after the
     * channel's {@code CHANNEL_HANGUP_COMPLETE}), and hands each channel to the loaded apps as
     * a session of {@link Kernel#outbound()}, its group chosen by the same activation headers
     * from its {@code CHANNEL_DATA}. With an outbound server no host is required.
     *
     * <p>The channel parks before {@code myevents} takes effect, so an app sees
     * {@code CHANNEL_DATA} first (not {@code CHANNEL_PARK}). Session commands sent with
     * {@code api} ({@code answer()}, {@code hangup()}, {@code getvar()}...) and on-demand
     * subscriptions need the socket app's {@code full} keyword; {@code execute}-style commands
     * ({@code playback}, {@code bridge}...) work without it (esl-protocol §5.1).
     *
     * @param bindAddress the address to listen on, e.g. {@code 127.0.0.1}
     * @param port the port (0 picks a free one, see {@link Kernel#outboundPort()})
     */
    public Kernel.Builder outbound(String bindAddress, int port) {
        return outbound(bindAddress, port, -1);
    }

    /**
     * Like {@link #outbound(String, int)} with a linger time: {@code -1} lingers until the
     * kernel exits, {@code 0} sends no {@code linger} (the only choice for a socket app
     * without {@code full}; then FreeSWITCH closes the socket at hangup and the session ends
     * without the events after it), a positive number lingers that many seconds.
     */
    public Kernel.Builder outbound(String bindAddress, int port, int lingerSeconds) {
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
        return self();
    }

    /** The event socket password ({@code ClueCon} by default). */
    public Kernel.Builder password(String password) {
        this.password = Objects.requireNonNull(password, "password");
        return self();
    }

    /** Activation headers, first present wins (default {@code variable_sip_h_X-switchio_app}). */
    public Kernel.Builder appHeaders(List<String> headers) {
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("at least one app header is needed");
        }
        headers.forEach(h -> headerName("app header", h));
        this.appHeaders = List.copyOf(headers);
        return self();
    }

    /**
     * The header whose value groups legs into calls: {@code variable_call_uuid} (default, for
     * services), {@code variable_sip_h_X-switchio_originating_session} (calls switchio
     * originated), or any other.
     */
    public Kernel.Builder trackingHeader(String header) {
        this.trackingHeader = headerName("tracking header", header);
        return self();
    }

    /** An event header name: one non-blank word without ':' (it is matched, never sent raw). */
    private static String headerName(String what, String name) {
        if (name == null || name.isBlank() || name.indexOf(':') >= 0 || name.chars().anyMatch(Character::isWhitespace)
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be one word without ':' or spaces: '"
                    + (name == null ? null : name.replace("\r", "\\r").replace("\n", "\\n")) + "'");
        }
        return name;
    }

    /** Bound on TCP connect plus authentication (5 s). */
    public Kernel.Builder connectTimeout(Duration timeout) {
        this.connectTimeout = positive("connectTimeout", timeout);
        return self();
    }

    /** Deadline for each command's reply and the default {@code recv} timeout (10 s). */
    public Kernel.Builder commandTimeout(Duration timeout) {
        this.commandTimeout = positive("commandTimeout", timeout);
        return self();
    }

    /** Reconnect backoff bounds and the attempts before giving up (0 = never). */
    public Kernel.Builder reconnect(Duration minBackoff, Duration maxBackoff, int maxAttempts) {
        this.reconnectMin = positive("minBackoff", minBackoff);
        this.reconnectMax = positive("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(minBackoff) < 0 || maxAttempts < 0) {
            throw new IllegalArgumentException("need minBackoff <= maxBackoff and maxAttempts >= 0");
        }
        this.reconnectAttempts = maxAttempts;
        return self();
    }

    /** Events kept per session (64). */
    public Kernel.Builder historyLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("historyLimit must be at least 1: " + limit);
        }
        this.historyLimit = limit;
        return self();
    }

    /**
     * Keep sessions' older events compact (off by default). Once a session's app code has handled
     * an event, its thread stores the event before it as the lines that differ from it;
     * consecutive events of a channel share most of theirs, so a kept event then costs a third
     * or less of its 2-5 KB (a seventh on the bench's frames). Reading an older event back ({@code Session.events()},
     * a {@code recv} that finds an older event) rebuilds it, equal in every header. Worth it
     * with many concurrent calls and long histories: 100,000 parked sessions took 30% less heap.
     * It costs about 1 us of CPU per event on the session threads; with G1 it shortened the
     * latency tail (fewer bytes to copy), with ZGC at 100,000 events/s on two cores it lengthened
     * it (bench/RESULTS.md). Sessions no app handles keep their events whole.
     */
    public Kernel.Builder compactHistory(boolean compact) {
        this.compactHistory = compact;
        return self();
    }

    /** Capacity of each host's event ring (65,536). */
    public Kernel.Builder ringCapacity(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("ringCapacity must be at least 2: " + capacity);
        }
        this.ringCapacity = capacity;
        return self();
    }

    private static Duration positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
