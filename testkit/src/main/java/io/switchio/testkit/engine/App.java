package io.switchio.testkit.engine;

/**
 * A dialplan application of the simulator. {@link #start} runs after CHANNEL_EXECUTE; the app
 * calls {@link AppRunner#complete} (now or from a timer) to end with CHANNEL_EXECUTE_COMPLETE.
 *
 * <p>Threading: engine thread only.
 */
@FunctionalInterface
public interface App {
    /** Starts the app run. */
    void start(RunningApp run, CallControl calls);
}
