package io.switchio.testkit.api;

import io.switchio.testkit.apps.RecordApps;
import io.switchio.testkit.engine.AppMessage;
import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.HangupCause;
import io.switchio.testkit.engine.SimEvent;
import io.switchio.testkit.engine.SwitchEngine;

import java.util.List;

import static io.switchio.testkit.api.ApiHandler.done;

/**
 * The {@code uuid_*} API commands with mod_commands' exact reply texts (§11).
 *
 * <p>Threading: engine thread only.
 */
public final class UuidApis {
    private final SwitchEngine engine;
    private final CallControl calls;
    private final RecordApps recorder;

    /** The {@code uuid_*} commands of {@code engine}; {@code recorder} serves {@code uuid_record}. */
    public UuidApis(SwitchEngine engine, CallControl calls, RecordApps recorder) {
        this.engine = engine;
        this.calls = calls;
        this.recorder = recorder;
    }

    /** Registers every command. */
    public void register(ApiDispatcher d) {
        d.useUuidApis(this);
        d.register("uuid_answer", a -> withChannel(a, "-ERROR\n", ch -> calls.answer(ch) ? "+OK\n" : "-ERROR\n"));
        d.register("uuid_pre_answer", a -> withChannel(a, "-ERROR\n", ch -> calls.preAnswer(ch) ? "+OK\n" : "-ERROR\n"));
        d.register("uuid_kill", a -> {
            List<String> t = ApiArgs.split(a);
            if (t.isEmpty()) {
                return done("-USAGE: <uuid> [cause]\n");
            }
            Channel ch = engine.channel(t.get(0));
            if (ch == null) {
                return done("-ERR No such channel!\n");
            }
            calls.hangup(ch, HangupCause.parse(t.size() > 1 ? t.get(1) : null, HangupCause.NORMAL_CLEARING));
            return done("+OK\n");
        });
        d.register("uuid_exists", a -> done(engine.exists(a.trim()) ? "true" : "false"));
        d.register("uuid_park", a -> withChannel(a, "-ERR No such channel!\n", ch -> {
            calls.apps().breakApp(ch, true);
            calls.apps().unpark(ch);
            calls.state(ch, io.switchio.testkit.engine.ChannelState.CS_PARK);
            calls.apps().enqueue(ch, AppMessage.internal("park", "", engine.newUuid()));
            return "+OK\n";
        }));
        d.register("uuid_break", a -> {
            List<String> t = ApiArgs.split(a);
            Channel ch = t.isEmpty() ? null : engine.channel(t.get(0));
            if (ch == null) {
                return done("-ERR No such channel!\n");
            }
            boolean all = t.contains("all");
            calls.apps().breakApp(ch, all);
            if (t.contains("both") && ch.bridged != null) {
                calls.apps().breakApp(ch.bridged, all);
            }
            return done("+OK\n");
        });
        d.register("uuid_bridge", this::uuidBridge);
        d.register("uuid_broadcast", new BroadcastApi(engine, calls));
        d.register("uuid_setvar", a -> {
            String[] p = a.split(" ", 3);
            if (p.length < 1 || p[0].isEmpty()) {
                return done("-USAGE: <uuid> <var> [value]\n");
            }
            Channel ch = engine.channel(p[0]);
            if (ch == null) {
                return done("-ERR No such channel!\n");
            }
            if (p.length < 2 || p[1].isEmpty()) {
                return done("-ERR No variable specified\n");
            }
            ch.vars.set(p[1], p.length > 2 ? p[2] : null);
            return done("+OK\n");
        });
        d.register("uuid_setvar_multi", a -> {
            String[] p = a.split(" ", 2);
            Channel ch = engine.channel(p[0]);
            if (ch == null) {
                return done("-ERR No such channel!\n");
            }
            for (String pair : (p.length > 1 ? p[1] : "").split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    ch.vars.set(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return done("+OK\n");
        });
        d.register("uuid_getvar", a -> {
            String[] p = a.split(" ");
            if (p.length < 2) {
                return done("-USAGE: <uuid> <var>\n");
            }
            Channel ch = engine.channel(p[0]);
            if (ch == null) {
                return done("-ERR No such channel!\n");
            }
            String v = engine.expander().lookup(ch, p[1]);
            return done(v == null ? "_undef_" : v);
        });
        d.register("uuid_send_dtmf", a -> dtmf(a, true));
        d.register("uuid_recv_dtmf", a -> dtmf(a, false));
        d.register("uuid_record", this::record);
        d.register("uuid_audio", a -> withChannel(a, "-ERR No such channel!\n", ch -> "+OK Success\n"));
        d.register("uuid_media", a -> {
            String[] p = a.split(" ");
            String uuid = p.length > 1 && (p[0].equals("off") || p[0].equals("on")) ? p[1] : p[0];
            return done(engine.exists(uuid) ? "+OK Success\n" : "-ERR No such channel!\n");
        });
        d.register("uuid_transfer", a -> withChannel(a, "-ERR No such channel!\n", ch -> {
            List<String> t = ApiArgs.split(a);
            String leg = t.size() > 1 && t.get(1).startsWith("-") ? t.get(1).toLowerCase(java.util.Locale.ROOT) : "";
            List<String> rest = t.subList(leg.isEmpty() ? 1 : 2, t.size());
            if (rest.isEmpty()) {
                return "-USAGE: <uuid> [-bleg|-both] <dest-exten> [<dialplan>] [<context>]\n";
            }
            Channel peer = ch.bridged;
            if ((leg.equals("-bleg") || leg.equals("-both")) && peer == null) {
                return "-ERR\n";
            }
            String dialplan = rest.size() > 1 ? rest.get(1) : "XML";
            String context = rest.size() > 2 ? rest.get(2) : null;
            if (!leg.equals("-bleg")) {
                transferTo(ch, rest.get(0), dialplan, context);
            }
            if (leg.equals("-bleg") || leg.equals("-both")) {
                transferTo(peer, rest.get(0), dialplan, context);
            }
            return "+OK\n";
        }));
    }

    /**
     * A new dialplan run: CS_ROUTING, CS_EXECUTE, then either the {@code inline} steps
     * ({@code app:arg,app:arg}) or the park extension.
     */
    /**
     * The {@code transfer <exten> [<dialplan> [<context>]]} application: it completes, then the leg
     * leaves what it runs (a park unwinds) for a new dialplan lookup, as {@code uuid_transfer}.
     */
    public void transferApp(io.switchio.testkit.engine.RunningApp run, CallControl calls) {
        Channel ch = run.channel;
        List<String> t = ApiArgs.split(run.data);
        calls.apps().complete(run);
        if (t.isEmpty() || ch.hangingUp) {
            return;
        }
        transferTo(ch, t.get(0), t.size() > 1 ? t.get(1) : "XML", t.size() > 2 ? t.get(2) : null);
    }

    private void transferTo(Channel ch, String destination, String dialplan, String context) {
        if (ch.bridged != null) {
            calls.bridges().unbridge(ch, true);
        }
        if (context != null) {
            ch.context = context;
        }
        transfer(ch, destination, dialplan);
    }

    /** A new dialplan lookup for the leg ({@code uuid_transfer}, {@code transfer}, {@code xferext}). */
    public void transfer(Channel ch, String destination, String dialplan) {
        calls.apps().breakApp(ch, true);
        calls.apps().unpark(ch);
        ch.destination = dialplan.equals("inline") ? ch.destination : destination;
        calls.state(ch, io.switchio.testkit.engine.ChannelState.CS_ROUTING);
        calls.state(ch, io.switchio.testkit.engine.ChannelState.CS_EXECUTE);
        if (dialplan.equals("inline")) {
            for (String step : destination.split(",")) {
                int colon = step.indexOf(':');
                String app = colon < 0 ? step : step.substring(0, colon);
                calls.apps().enqueue(ch, AppMessage.internal(app.trim(), colon < 0 ? "" : step.substring(colon + 1),
                        engine.newUuid()));
            }
        } else {
            calls.apps().enqueue(ch, AppMessage.internal("park", "", engine.newUuid()));
        }
    }

    private java.util.concurrent.CompletableFuture<String> withChannel(String args, String missing,
                                                                      java.util.function.Function<Channel, String> f) {
        String uuid = args.trim().split(" ")[0];
        Channel ch = engine.channel(uuid);
        return done(ch == null ? missing : f.apply(ch));
    }

    private java.util.concurrent.CompletableFuture<String> uuidBridge(String args) {
        String[] p = args.trim().split(" ");
        if (p.length < 2) {
            return done("-USAGE: <uuid> <other_uuid>\n");
        }
        Channel a = engine.channel(p[0]);
        Channel b = engine.channel(p[1]);
        if ((b == null || b.hangingUp) && p.length > 2) {
            b = engine.channel(p[2]);
        }
        if (a == null || b == null || a.hangingUp || b.hangingUp || !(a.answered || a.early || b.answered || b.early)) {
            return done("-ERR Invalid uuid\n");
        }
        for (Channel ch : new Channel[] {a, b}) {
            calls.apps().breakApp(ch, true);
            calls.apps().unpark(ch);
            if (ch.bridged != null) {
                calls.bridges().unbridge(ch, false);
            }
        }
        for (Channel ch : new Channel[] {a, b}) {
            Channel other = ch == a ? b : a;
            if (calls.events().wanted("CHANNEL_EXECUTE")) {
                SimEvent e = calls.events().channelData(calls.events().begin("CHANNEL_EXECUTE"), ch);
                e.add("Application", "uuid_bridge").add("Application-Data", other.uuid)
                        .add("Application-UUID", engine.newUuid());
                calls.events().bus().fire(e);
            }
        }
        calls.bridges().bridge(a, b);
        return done("+OK " + b.uuid + "\n");
    }

    private java.util.concurrent.CompletableFuture<String> dtmf(String args, boolean send) {
        String[] p = args.trim().split(" ");
        if (p.length < 2) {
            return done("-USAGE: <uuid> <dtmf_data>\n");
        }
        Channel ch = engine.channel(p[0]);
        if (ch == null) {
            return done("-ERR Cannot locate session!\n");
        }
        String digits = p[1].split("@")[0];
        Channel target = send ? (ch.bridged != null ? ch.bridged : ch.signalPeer) : ch;
        if (target != null) {
            for (char c : digits.toCharArray()) {
                if (calls.events().wanted("DTMF")) {
                    SimEvent e = calls.events().channelData(calls.events().begin("DTMF"), target);
                    e.add("DTMF-Digit", String.valueOf(c)).add("DTMF-Duration", "2000")
                            .add("DTMF-Source", send ? "RTP" : "APP");
                    calls.events().bus().fire(e);
                }
                terminatePlayback(target, c);
            }
        }
        return done("+OK " + ch.uuid + (send ? " sent DTMF " : " received DTMF ") + digits + ".\n");
    }

    /** A digit in {@code playback_terminators} (default {@code *}; {@code any}, {@code none}) stops a playback. */
    private void terminatePlayback(Channel ch, char digit) {
        if (ch.current == null || !ch.current.app().endsWith("playback")) {
            return;
        }
        String t = ch.vars.get("playback_terminators");
        String terminators = t == null ? "*" : t;
        boolean stops = terminators.equals("any") || (!terminators.equals("none") && terminators.indexOf(digit) >= 0);
        if (stops) {
            ch.vars.set("playback_terminator_used", String.valueOf(digit));
            calls.apps().breakApp(ch, false);
        }
    }

    private java.util.concurrent.CompletableFuture<String> record(String args) {
        String[] p = args.trim().split(" ");
        if (p.length < 3) {
            return done("-USAGE: <uuid> [start|stop|mask|unmask] <path> [<limit>] [<recording_vars>]\n");
        }
        Channel ch = engine.channel(p[0]);
        if (ch == null) {
            return done("-ERR Cannot locate session!\n");
        }
        switch (p[1]) {
            case "start" -> recorder.start(ch, calls, p[2]);
            case "stop" -> {
                if (!recorder.stop(ch, calls, p[2])) {
                    return done("-ERR Cannot stop record session!\n");
                }
            }
            case "mask", "unmask", "pause", "resume" -> {
                return done("+OK Success\n");
            }
            default -> {
                return done("-USAGE: <uuid> [start|stop|mask|unmask] <path> [<limit>] [<recording_vars>]\n");
            }
        }
        return done("+OK Success\n");
    }
}
