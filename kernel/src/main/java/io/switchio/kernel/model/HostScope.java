package io.switchio.kernel.model;

import java.time.Duration;
import java.util.Objects;

/**
 * What every session of one host shares: the host name, limits, the on-demand subscriber and the
 * record of which app invocation (if any) runs on the current thread.
 *
 * <p>Threading: immutable apart from the per-thread frame slot; any thread.
 */
public final class HostScope {

    private final String host;
    private final int historyLimit;
    private final boolean compactHistory;
    private final Duration commandTimeout;
    private final EventSubscriber subscriber;
    private final ThreadLocal<AppFrame> frames = new ThreadLocal<>();

    /**
     * A scope whose histories are kept whole.
     *
     * @param host the host name as configured
     * @param historyLimit events kept per session
     * @param commandTimeout default wait for replies and {@code recv}
     * @param subscriber subscribes events on demand
     */
    public HostScope(String host, int historyLimit, Duration commandTimeout, EventSubscriber subscriber) {
        this(host, historyLimit, false, commandTimeout, subscriber);
    }

    /**
     * @param host the host name as configured
     * @param historyLimit events kept per session
     * @param compactHistory whether sessions' threads keep handled events as deltas ({@link EventLog#compactBefore})
     * @param commandTimeout default wait for replies and {@code recv}
     * @param subscriber subscribes events on demand
     */
    public HostScope(String host, int historyLimit, boolean compactHistory, Duration commandTimeout, EventSubscriber subscriber) {
        this.host = Objects.requireNonNull(host, "host");
        if (historyLimit < 1) {
            throw new IllegalArgumentException("historyLimit must be at least 1, was " + historyLimit);
        }
        this.historyLimit = historyLimit;
        this.compactHistory = compactHistory;
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
    }

    /** The host name. */
    public String host() {
        return host;
    }

    /** Events kept per session. */
    public int historyLimit() {
        return historyLimit;
    }

    /** Whether sessions' threads keep the events they handled as deltas. */
    public boolean compactHistory() {
        return compactHistory;
    }

    /** The default timeout of commands and waits. */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** The on-demand subscriber. */
    public EventSubscriber subscriber() {
        return subscriber;
    }

    /** The app invocation running on this thread, or {@code null}. */
    public AppFrame currentFrame() {
        return frames.get();
    }

    /** Marks the app invocation that runs on this thread from now on ({@code null} clears it). */
    public void enter(AppFrame frame) {
        if (frame == null) {
            frames.remove();
        } else {
            frames.set(frame);
        }
    }
}
