package io.switchio.testkit.engine;

/**
 * One active recording on a channel ({@code record_session} or {@code uuid_record start}).
 *
 * <p>Threading: owned by the engine thread.
 *
 */
public final class Recording {
    public final String path;
    public final long startedMicros;
    public final long limitSeconds;

    /** A recording to {@code path} started at {@code startedMicros}, limited to {@code limitSeconds} (0 = none). */
    public Recording(String path, long startedMicros, long limitSeconds) {
        this.path = path;
        this.startedMicros = startedMicros;
        this.limitSeconds = limitSeconds;
    }
}
