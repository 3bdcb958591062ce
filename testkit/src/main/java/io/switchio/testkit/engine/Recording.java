package io.switchio.testkit.engine;

/**
 * One active recording on a channel ({@code record_session} or {@code uuid_record start}).
 *
 * <p>Threading: owned by the engine thread.
 *
 */
public final class Recording {
    /** Where the WAV file is written. */
    public final String path;
    /** When it started (epoch microseconds). */
    public final long startedMicros;
    /** Its length limit in seconds, 0 for none. */
    public final long limitSeconds;

    /** A recording to {@code path} started at {@code startedMicros}, limited to {@code limitSeconds} (0 = none). */
    public Recording(String path, long startedMicros, long limitSeconds) {
        this.path = path;
        this.startedMicros = startedMicros;
        this.limitSeconds = limitSeconds;
    }
}
