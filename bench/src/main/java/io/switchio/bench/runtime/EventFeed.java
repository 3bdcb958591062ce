package io.switchio.bench.runtime;

/**
 * The full-path harness's source of events: an ESL server the kernel connects to, and the
 * {@link FrameFeeder} that writes calls to it, either in the harness's own JVM or in a child
 * process (as a FreeSWITCH is: its pauses and the kernel's are then independent).
 *
 * <p>Threading: owned by the harness's main thread.
 */
interface EventFeed extends AutoCloseable {

    /** The loopback port the kernel connects to. */
    int port();

    /** Waits until the kernel connected and authenticated. */
    boolean awaitClient(int seconds) throws Exception;

    /** Writes as fast as the socket takes it for {@code seconds}. */
    void blast(int seconds) throws Exception;

    /** Writes {@code rate} events/s for {@code seconds}; returns the events written. */
    long paced(int rate, int seconds) throws Exception;

    /** The average size of a written frame, in bytes. */
    int frameBytes();

    /** Events written so far. */
    long written();

    /** CPU time the feeding thread used so far when it runs in this JVM, else -1. */
    long feederCpuNanos();

    /** Describes where the feeder runs, for the report. */
    String describe();
}
