package io.switchio.testkit.engine;

/**
 * The simulator's clock: wall time that runs {@code speed} times faster than real time, so tests
 * can play long calls quickly. Channel timestamps and event dates come from here, and every
 * simulated delay is shortened by the same factor when it is scheduled.
 *
 * <p>Threading: immutable, any thread.
 */
public final class SimClock {
    private final double speed;
    private final long baseMicros;
    private final long baseNanos;

    /** A clock starting now that runs {@code speed} times real time (1.0 = real time). */
    public SimClock(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, was " + speed);
        }
        this.speed = speed;
        this.baseMicros = System.currentTimeMillis() * 1000L;
        this.baseNanos = System.nanoTime();
    }

    /** Simulated microseconds since the Unix epoch. */
    public long nowMicros() {
        return baseMicros + (long) ((System.nanoTime() - baseNanos) / 1000.0 * speed);
    }

    /** Simulated milliseconds since start. */
    public long uptimeMillis() {
        return (long) ((System.nanoTime() - baseNanos) / 1_000_000.0 * speed);
    }

    /** Real nanoseconds that correspond to {@code simMillis} simulated milliseconds. */
    public long realNanos(long simMillis) {
        return (long) (simMillis * 1_000_000.0 / speed);
    }

    /** The speed factor. */
    public double speed() {
        return speed;
    }
}
