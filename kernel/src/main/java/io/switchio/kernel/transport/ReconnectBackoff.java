package io.switchio.kernel.transport;

import java.time.Duration;

/**
 * Exponential reconnect delays with jitter: attempt 1 waits about {@code min}, each further
 * attempt doubles it up to {@code max}, and every delay is spread by ±{@code jitter} (0..1) so
 * many clients that lost the same FreeSWITCH do not reconnect in lock-step.
 *
 * <p>Threading: immutable; any thread.
 */
final class ReconnectBackoff {

    private final long minNanos;
    private final long maxNanos;
    private final double jitter;

    ReconnectBackoff(Duration min, Duration max, double jitter) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.jitter = jitter;
    }

    /**
     * @param attempt 1 for the first retry
     * @param random a uniform number in [0, 1)
     * @return the delay in nanoseconds, at least 1
     */
    long delayNanos(int attempt, double random) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        long base = minNanos << doublings;
        if (base <= 0 || base > maxNanos || (base >> doublings) != minNanos) {
            base = maxNanos;
        }
        long delay = (long) (base * (1 - jitter + 2 * jitter * random));
        return Math.max(delay, 1);
    }
}
