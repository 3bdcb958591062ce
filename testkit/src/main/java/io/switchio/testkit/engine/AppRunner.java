package io.switchio.testkit.engine;

import java.util.List;
import java.util.Map;

/**
 * Runs queued {@code execute} messages on channels: CHANNEL_EXECUTE, the app, CHANNEL_EXECUTE_COMPLETE,
 * the PRIVATE_COMMAND / COMMAND echo, loops, and the queue semantics of §12 (messages run inside
 * a park; otherwise they wait for the running app).
 *
 * <p>Threading: engine thread only.
 */
public final class AppRunner {
    private final CallControl calls;
    private final ChannelEvents ev;
    private final Map<String, App> apps;
    /** Media applications that keep servicing the message queue while they run (§12). */
    private static final java.util.Set<String> NESTING = java.util.Set.of("playback", "endless_playback", "sleep",
            "echo", "speak", "bridge");
    private final BroadcastControl broadcasts;

    /** A runner over the named apps. */
    public AppRunner(CallControl calls, Map<String, App> apps) {
        this.calls = calls;
        this.ev = calls.events();
        this.apps = apps;
        this.broadcasts = new BroadcastControl(calls, this);
    }

    /** uuid_broadcast's messages, hold music and echo rules. */
    public BroadcastControl broadcasts() {
        return broadcasts;
    }

    /** True if an app of this name exists. */
    public boolean knows(String app) {
        return apps.containsKey(app);
    }

    /** Queues a message; it runs now if nothing but a park is running. */
    public void enqueue(Channel ch, AppMessage msg) {
        if (ch.hangingUp) {
            return;
        }
        if (ch.current == null) {
            run(ch, msg, null);
        } else if (nests(ch.current)) {
            pause(ch.current);
            run(ch, msg, ch.current);
        } else {
            ch.queue.add(msg);
        }
    }

    private static boolean nests(RunningApp current) {
        return !current.message.eventLock() && NESTING.contains(current.app());
    }

    /** Schedules an app's timer (simulated ms); a nested app pauses and later resumes it. */
    public void startTimer(RunningApp run, long simMillis, Runnable action) {
        run.timerAction = action;
        run.timerDueMicros = calls.engine().clock().nowMicros() + simMillis * 1000;
        run.timer = calls.engine().schedule(action, simMillis);
    }

    private void pause(RunningApp run) {
        if (run.timer != null) {
            run.pausedRemainingMs = Math.max(0, (run.timerDueMicros - calls.engine().clock().nowMicros()) / 1000);
            run.cancelTimer();
        }
    }

    private void resume(RunningApp run) {
        if (run.pausedRemainingMs >= 0 && run.timerAction != null && !run.completed) {
            long ms = run.pausedRemainingMs;
            run.pausedRemainingMs = -1;
            startTimer(run, ms, run.timerAction);
        }
    }

    private void run(Channel ch, AppMessage msg, RunningApp outer) {
        App app = apps.get(msg.app());
        String data = calls.engine().expander().expand(msg.arg(), ch);
        RunningApp run = new RunningApp(ch, msg, data);
        run.outer = outer;
        run.startedMicros = calls.engine().clock().nowMicros();
        ch.vars.set("current_application_data", data);
        ch.vars.set("current_application", msg.app());
        run.quietEcho = outer == null && broadcasts.parkedWithoutMedia(ch);
        broadcasts.holdPeer(run);
        fireExecute("CHANNEL_EXECUTE", run, false);
        if (app == null) {
            run.response = "-ERR invalid application " + msg.app();
            ch.current = run;
            complete(run);
            return;
        }
        if (!"park".equals(msg.app())) {
            ch.current = run;
        }
        app.start(run, calls);
    }

    /** Ends an app run: CHANNEL_EXECUTE_COMPLETE, echo event, loop or next queued message. */
    public void complete(RunningApp run) {
        if (run.completed || run.channel.destroyed) {
            return;
        }
        run.completed = true;
        run.cancelTimer();
        Channel ch = run.channel;
        if (!"_none_".equals(run.response)) {
            ch.vars.set("current_application_response", run.response);
        }
        fireExecute("CHANNEL_EXECUTE_COMPLETE", run, true);
        AppMessage m = run.message;
        long ranMicros = calls.engine().clock().nowMicros() - run.startedMicros;
        boolean repeat = m.loops() != 1 && ranMicros >= 500_000 && !run.hooksBroken && !ch.hangingUp;
        if (!repeat) {
            broadcasts.releaseHold(run);
            echo(run);
        }
        if (ch.current == run) {
            ch.current = run.outer;
        }
        while (ch.current != null && ch.current.completed) {
            ch.current = ch.current.outer;
        }
        if (ch.hangingUp) {
            return;
        }
        if (repeat) {
            int left = m.loops() < 0 ? -1 : m.loops() - 1;
            AppMessage again = new AppMessage(m.app(), m.arg(), m.eventUuid(), m.eventUuidName(), left,
                    m.eventLock(), m.origin(), m.headers(), m.command());
            if (ch.current == null) {
                run(ch, again, null);
            } else {
                run(ch, again, ch.current);
            }
            return;
        }
        if (ch.current != null) {
            resume(ch.current);
            return;
        }
        AppMessage next = ch.queue.poll();
        if (next != null) {
            run(ch, next, null);
        }
    }

    private void fireExecute(String name, RunningApp run, boolean complete) {
        if (!ev.wanted(name)) {
            return;
        }
        SimEvent e = ev.channelData(ev.begin(name), run.channel);
        e.add("Application", run.app()).add("Application-Data", run.data);
        if (complete) {
            e.add("Application-Response", run.response);
        }
        e.add("Application-UUID", run.message.eventUuid()).add("Application-UUID-Name", run.message.eventUuidName());
        ev.bus().fire(e);
    }

    private void echo(RunningApp run) {
        AppMessage m = run.message;
        if (m.origin() == AppMessage.Origin.INTERNAL || run.quietEcho) {
            return;
        }
        String name = m.origin() == AppMessage.Origin.BROADCAST ? "COMMAND" : "PRIVATE_COMMAND";
        if (!ev.wanted(name)) {
            return;
        }
        SimEvent e;
        if (m.origin() == AppMessage.Origin.BROADCAST) {
            e = m.command() != null ? m.command() : ev.begin("COMMAND");
            addHeaders(e, m.headers());
            ev.bus().appendStandard(e, "PRIVATE_COMMAND", ChannelEvents.site("PRIVATE_COMMAND"));
        } else {
            e = new SimEvent("PRIVATE_COMMAND");
            addHeaders(e, m.headers());
            ev.bus().appendStandard(e, "PRIVATE_COMMAND", ChannelEvents.site("PRIVATE_COMMAND"));
        }
        boolean profile = run.channel.profileReady;
        run.channel.profileReady = false;
        ev.channelData(e, run.channel);
        run.channel.profileReady = profile;
        ev.bus().fire(e);
    }

    private static void addHeaders(SimEvent e, List<String[]> headers) {
        for (String[] h : headers) {
            e.add(h[0], h[1]);
        }
    }

    /** {@code uuid_break}: stop the running app (and with {@code all} drop the queue). */
    public void breakApp(Channel ch, boolean all) {
        if (all) {
            ch.queue.clear();
        }
        RunningApp run = ch.current;
        if (run != null) {
            run.hooksBroken = true;
            run.hooks.onBreak();
            if (!run.completed) {
                complete(run);
            }
        }
    }

    /** Leaves the park: CHANNEL_UNPARK and the park's CHANNEL_EXECUTE_COMPLETE. */
    public void unpark(Channel ch) {
        RunningApp park = ch.parkApp;
        if (park == null) {
            return;
        }
        ch.parkApp = null;
        ev.fire("CHANNEL_UNPARK", ch);
        String last = ch.vars.get("current_application_response");
        park.response = last == null ? "_none_" : last;
        park.completed = true;
        fireExecute("CHANNEL_EXECUTE_COMPLETE", park, true);
    }

    /** On hangup: running app closes itself, then the park unwinds; queued messages are dropped. */
    public void unwind(Channel ch) {
        ch.queue.clear();
        while (ch.current != null) {
            RunningApp run = ch.current;
            run.cancelTimer();
            if (!run.completed) {
                run.hooks.onHangup();
                complete(run);
            }
            if (ch.current == run) {
                ch.current = run.outer;
            }
        }
        unpark(ch);
    }

    /** Closes active recordings at hangup (RECORD_STOP, MEDIA_BUG_STOP). */
    public void stopRecordings(Channel ch) {
        App stopper = apps.get("stop_record_session");
        if (ch.recordings != null && !ch.recordings.isEmpty() && stopper instanceof RecordingStopper rs) {
            rs.stopAll(ch, calls);
        }
    }

    /** Implemented by the recording app family so hangup can close recordings. */
    public interface RecordingStopper {
        /** Stops every recording of the channel with RECORD_STOP/MEDIA_BUG_STOP. */
        void stopAll(Channel ch, CallControl calls);
    }
}
