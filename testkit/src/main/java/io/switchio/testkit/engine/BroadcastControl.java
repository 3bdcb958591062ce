package io.switchio.testkit.engine;

import java.util.List;

/**
 * What switch_ivr_broadcast and the park loop add to queued messages: the execute messages of
 * {@code uuid_broadcast} with their COMMAND event (created and numbered when queued, completed by the
 * PRIVATE_COMMAND echo), the hold music a bridged peer hears during a {@code hold-bleg} broadcast,
 * and when the echo is not raised at all.
 *
 * <p>Threading: engine thread only.
 */
public final class BroadcastControl {
    /** A park loop without media polls its queue every 20 ms (switch_ivr_park). */
    private static final long PARK_TICK_MICROS = 20_000;
    private final CallControl calls;
    private final AppRunner runner;

    BroadcastControl(CallControl calls, AppRunner runner) {
        this.calls = calls;
        this.runner = runner;
    }

    /**
     * True while a parked leg's park loop runs without media (no answer or early media yet, or media
     * that came up less than one 20 ms tick ago on a leg that parked without it): that loop parses a
     * queued message and destroys it without the PRIVATE_COMMAND echo (switch_ivr_park; capture e).
     */
    boolean parkedWithoutMedia(Channel ch) {
        RunningApp park = ch.parkApp;
        if (park == null || ch.current != null) {
            return false;
        }
        long up = ch.answered ? ch.answeredMicros : 0;
        if (ch.early && ch.progressMediaMicros > 0 && (up == 0 || ch.progressMediaMicros < up)) {
            up = ch.progressMediaMicros;
        }
        if (up == 0) {
            return true;
        }
        return park.startedMicros < up && calls.engine().clock().nowMicros() - up < PARK_TICK_MICROS;
    }

    /**
     * {@code hold-bleg: true} on a bridged leg (uuid_broadcast's default and {@code holdb}): the peer
     * hears the hold music (variable {@code hold_music}, by default the global
     * {@code local_stream://moh}) as its own looping broadcast until this application ends.
     */
    void holdPeer(RunningApp run) {
        Channel b = run.channel.bridged;
        if (b == null || b.hangingUp || run.outer != null || !"true".equalsIgnoreCase(run.message.header("hold-bleg"))) {
            return;
        }
        String music = b.vars.get("hold_music");
        if (music == null) {
            music = calls.engine().expander().expand("${hold_music}", run.channel);
        }
        if (music.isEmpty() || music.equals("silence") || music.startsWith("indicate_hold")) {
            return;
        }
        AppMessage hold = message("playback", music, -1, false, true);
        run.heldPeer = b;
        run.holdMessage = hold;
        runner.enqueue(b, hold);
    }

    void releaseHold(RunningApp run) {
        Channel b = run.heldPeer;
        if (b == null) {
            return;
        }
        run.heldPeer = null;
        b.queue.remove(run.holdMessage);
        for (RunningApp r = b.current; r != null; r = r.outer) {
            if (r.message == run.holdMessage && !r.completed) {
                r.hooksBroken = true;
                r.hooks.onBreak();
                runner.complete(r);
                return;
            }
        }
    }

    /**
     * The execute message switch_ivr_broadcast queues on a leg: its COMMAND event is created (and
     * numbered) now; the PRIVATE_COMMAND echo completes it after the application ran.
     */
    public AppMessage message(String app, String arg, int loops, boolean holdBleg, boolean leadFrames) {
        List<String[]> headers = new java.util.ArrayList<>(6);
        headers.add(new String[] {"call-command", "execute"});
        headers.add(new String[] {"execute-app-name", app});
        headers.add(new String[] {"execute-app-arg", arg});
        headers.add(new String[] {"event-lock", "true"});
        if (leadFrames) {
            headers.add(new String[] {"lead-frames", "5"});
        }
        if (loops < 0) {
            headers.add(new String[] {"loops", "-1"});
        }
        if (holdBleg) {
            headers.add(new String[] {"hold-bleg", "true"});
        }
        SimEvent command = calls.events().begin("COMMAND");
        command.fixFirstSequence(calls.events().bus().reserveSequence());
        return new AppMessage(app, arg, calls.engine().newUuid(), null, loops, true, AppMessage.Origin.BROADCAST,
                List.copyOf(headers), command);
    }
}
