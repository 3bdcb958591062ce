package io.switchio.testkit.engine;

import java.util.concurrent.Future;

/**
 * An application in progress on a channel, between its CHANNEL_EXECUTE and CHANNEL_EXECUTE_COMPLETE.
 *
 * <p>Threading: owned by the engine thread.
 */
public final class RunningApp {
    /** What an application does when it is broken ({@code uuid_break}) or its channel hangs up. */
    public interface Hooks {
        /** Stop early because of {@code uuid_break}; the app then completes itself. */
        default void onBreak() {
        }

        /** The channel hangs up while the app runs: emit the app's own closing events (before EXECUTE_COMPLETE). */
        default void onHangup() {
        }
    }

    /** The channel it runs on. */
    public final Channel channel;
    /** The message that started it. */
    public final AppMessage message;
    /** Its argument ({@code Application-Data}). */
    public final String data;
    /** {@code Application-Response} for the completion event. */
    public String response = "_none_";
    /** The pending step of the app, or null. */
    public Future<?> timer;
    /** What it does on break or hangup. */
    public Hooks hooks = new Hooks() { };
    /** Runs completed so far (for {@code loops}). */
    public int loopsDone;
    /** When it started (epoch microseconds). */
    public long startedMicros;
    /** True once CHANNEL_EXECUTE_COMPLETE was raised. */
    public boolean completed;
    /** True once {@link Hooks#onBreak()} ran. */
    public boolean hooksBroken;
    /** True when the message ran from a park loop without media: no PRIVATE_COMMAND echo. */
    public boolean quietEcho;
    /** The bridged peer put on hold for this broadcast ({@code hold-bleg}), or null. */
    public Channel heldPeer;
    /** The hold-music broadcast queued on {@link #heldPeer}. */
    public AppMessage holdMessage;
    /** The application this one runs nested inside (it resumes afterwards), or null. */
    public RunningApp outer;
    Runnable timerAction;
    long timerDueMicros;
    long pausedRemainingMs = -1;

    /** An app run of {@code message} on {@code channel} with its (expanded) argument. */
    public RunningApp(Channel channel, AppMessage message, String data) {
        this.channel = channel;
        this.message = message;
        this.data = data;
    }

    /** The application name. */
    public String app() {
        return message.app();
    }

    /** Cancels the app's pending timer, if any. */
    public void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
