package io.switchio.spi;

/**
 * How many instances of an app a cluster gets.
 *
 * <p>Threading: an enum; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum Instancing {
    /**
     * One instance for every host. Its methods are called from the sessions of every host at once,
     * so shared state must be thread-safe.
     */
    SHARED,
    /** One instance per host; each sees only its host's sessions (still one thread per session). */
    PER_HOST
}
