package io.switchio.testkit.api;

import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.HangupCause;
import io.switchio.testkit.engine.SwitchEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import static io.switchio.testkit.api.ApiHandler.done;

/**
 * Switch-wide API commands: {@code status}, {@code version}, {@code global_getvar}, {@code global_setvar}, {@code fsctl},
 * {@code show channels|calls [as json]}, {@code sofia status profile}, {@code hupall},
 * {@code create_uuid}, {@code reload|unload mod_event_socket}, and the scheduler
 * ({@code sched_hangup}, {@code sched_api}, {@code sched_broadcast}, {@code sched_del}).
 *
 * <p>Threading: engine thread only.
 */
public final class CoreApis {
    /** The version string of the captured FreeSWITCH. */
    public static final String VERSION = "1.10.12-release+git~20240802T210227Z~a88d069d6f~64bit";

    private final SwitchEngine engine;
    private final ApiDispatcher dispatcher;
    private final Runnable reloadEventSocket;
    private final Map<String, Future<?>> scheduled = new ConcurrentHashMap<>();
    private int nextTaskId = 1;

    /** The switch-wide commands of {@code engine}; {@code reloadEventSocket} drops every ESL connection ({@code reload mod_event_socket}). */
    public CoreApis(SwitchEngine engine, ApiDispatcher dispatcher, Runnable reloadEventSocket) {
        this.engine = engine;
        this.dispatcher = dispatcher;
        this.reloadEventSocket = reloadEventSocket;
    }

    /** Registers every command. */
    public void register(ApiDispatcher d) {
        d.register("status", a -> done(status()));
        d.register("version", a -> done("FreeSWITCH Version " + VERSION
                + " (git a88d069 2024-08-02 21:02:27Z 64bit)\n"));
        d.register("create_uuid", a -> done(engine.newUuid()));
        d.register("global_getvar", a -> done(globalVar(a.trim())));
        d.register("global_setvar", a -> done(globalSetvar(a.trim())));
        FsctlCommand fsctl = new FsctlCommand(engine);
        d.register("fsctl", a -> done(fsctl.run(ApiArgs.split(a))));
        d.register("show", a -> done(new ShowCommand(engine).run(a.trim())));
        d.register("sofia", a -> done(sofia(a.trim())));
        d.register("hupall", a -> done(hupall(ApiArgs.split(a))));
        d.register("reload", a -> done(moduleCommand(a.trim())));
        d.register("unload", a -> done(moduleCommand(a.trim())));
        d.register("bgapi", a -> done("+OK Job-UUID: " + backgroundJob(a) + "\n"));
        d.register("sched_hangup", this::schedHangup);
        d.register("sched_api", this::schedApi);
        d.register("sched_broadcast", this::schedBroadcast);
        d.register("sched_del", a -> {
            Future<?> f = scheduled.remove(a.trim());
            if (f == null) {
                return done("-ERR no such id\n");
            }
            f.cancel(false);
            return done("+OK Deleted\n");
        });
    }

    private String status() {
        long ms = engine.clock().uptimeMillis();
        long s = ms / 1000;
        return "UP 0 years, " + s / 86400 + " days, " + s / 3600 % 24 + " hours, " + s / 60 % 60 + " minutes, "
                + s % 60 + " seconds, " + ms % 1000 + " milliseconds, 0 microseconds\n"
                + "FreeSWITCH (Version 1.10.12-release git a88d069 2024-08-02 21:02:27Z 64bit) is ready\n"
                + engine.created() + " session(s) since startup\n"
                + engine.sessionCount() + " session(s) - peak " + engine.peakSessions() + ", last 5min "
                + engine.peakSessions() + " \n"
                + "0 session(s) per Sec out of max " + engine.sessionsPerSecond() + ", peak 0, last 5min 0 \n"
                + engine.maxSessions() + " session(s) max\n"
                + "min idle cpu 0.00/99.00\n"
                + "Current Stack Size/Max 240K/8192K\n";
    }

    private String globalVar(String name) {
        String v = engine.globals().get(name);
        return v == null ? "" : v;
    }

    private String globalSetvar(String args) {
        int eq = args.indexOf('=');
        String name = (eq < 0 ? args : args.substring(0, eq)).trim();
        if (name.isEmpty()) {
            return "-USAGE: <var> <value>\n";
        }
        String rest = eq < 0 ? "" : args.substring(eq + 1);
        int second = rest.indexOf('=');
        engine.globals().set(name, second < 0 ? rest : rest.substring(0, second));
        return "+OK";
    }

    private String sofia(String args) {
        String[] p = args.split(" ");
        if (p.length >= 3 && p[0].equals("status") && p[1].equals("profile")) {
            Integer port = engine.config().sipProfiles().get(p[2]);
            if (port == null) {
                return "Invalid Profile!\n";
            }
            String url = "sip:mod_sofia@127.0.0.1:" + port;
            String line = "=".repeat(83) + "\n";
            return line + "Name             \t" + p[2] + "\nDomain Name      \tN/A\nAuto-NAT         \tfalse\n"
                    + "DB Name          \tsofia_reg_" + p[2] + "\nPres Hosts       \t\nDialplan         \tXML\n"
                    + "Context          \t" + Legs.PARK_CONTEXT + "\nChallenge Realm  \tauto_from\n"
                    + "RTP-IP           \t127.0.0.1\nSIP-IP           \t127.0.0.1\nURL              \t" + url
                    + "\nBIND-URL         \t" + url + ";maddr=127.0.0.1;transport=udp,tcp\n"
                    + "CALLS-IN         \t0\nFAILED-CALLS-IN  \t0\nCALLS-OUT        \t0\nFAILED-CALLS-OUT \t0\n"
                    + "REGISTRATIONS    \t0\n" + line;
        }
        if (p.length >= 1 && p[0].equals("status")) {
            StringBuilder sb = new StringBuilder();
            engine.config().sipProfiles().forEach((n, port) -> sb.append(n).append("\tprofile\tsip:mod_sofia@127.0.0.1:")
                    .append(port).append("\tRUNNING (0)\n"));
            return sb.toString();
        }
        return "-ERR Usage: sofia status [profile <name>]\n";
    }

    private String hupall(List<String> t) {
        HangupCause cause = HangupCause.parse(t.isEmpty() ? null : t.get(0), HangupCause.MANAGER_REQUEST);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 1; i + 1 < t.size(); i += 2) {
            pairs.add(new String[] {t.get(i), t.get(i + 1)});
        }
        for (Channel ch : engine.sortedChannels()) {
            boolean match = pairs.stream().allMatch(pv -> pv[1].equals(ch.vars.get(pv[0])));
            if (match) {
                dispatcher.calls().hangup(ch, cause);
            }
        }
        if (pairs.isEmpty()) {
            return "+OK hangup all channels with cause " + cause + "\n";
        }
        return "+OK hangup all channels matching [" + pairs.get(0)[0] + "]=[" + pairs.get(0)[1] + "]"
                + (pairs.size() > 1 ? "..." : "") + " with cause: " + cause + "\n";
    }

    private String moduleCommand(String args) {
        if (args.contains("mod_event_socket")) {
            engine.schedule(reloadEventSocket, 10);
            return "+OK Reloading XML\n+OK module unloaded\n+OK module loaded\n";
        }
        return "+OK Reloading XML\n+OK\n";
    }

    private String backgroundJob(String args) {
        String id = engine.newUuid();
        String cmd = args.trim();
        if (cmd.startsWith("uuid:")) {
            int sp = cmd.indexOf(' ');
            id = cmd.substring(5, sp < 0 ? cmd.length() : sp);
            cmd = sp < 0 ? "" : cmd.substring(sp + 1);
        }
        String job = id;
        String line = cmd;
        int sp = line.indexOf(' ');
        String name = sp < 0 ? line : line.substring(0, sp);
        dispatcher.execute(line, job).whenComplete((out, err) -> {
            var ev = engine.events();
            if (ev.wanted("BACKGROUND_JOB")) {
                var e = ev.begin("BACKGROUND_JOB").add("Job-UUID", job).add("Job-Command", name)
                        .add("Job-Command-Arg", sp < 0 ? "" : line.substring(sp + 1));
                e.body(out);
                ev.bus().fire(e);
            }
        });
        return id;
    }

    /** {@code +<seconds>} from now, or an absolute epoch second ({@code sched_api}, {@code sched_broadcast}). */
    private long delayMillis(String when) {
        if (when.startsWith("+")) {
            return atol(when.substring(1)) * 1000;
        }
        long now = engine.clock().nowMicros() / 1_000_000;
        return Math.max(0, atol(when) - now) * 1000;
    }

    /**
     * {@code sched_hangup}'s time: FreeSWITCH reads the delay from the text after its first character
     * whether or not it is {@code +} (the §11 quirk: {@code 30} is now, {@code 130} is 30 s).
     */
    private static long hangupDelayMillis(String when) {
        return when.isEmpty() ? 0 : atol(when.substring(1)) * 1000;
    }

    /** Leading decimal digits as C's {@code atol} reads them (0 when there are none). */
    private static long atol(String s) {
        long v = 0;
        for (int i = 0; i < s.length() && Character.isDigit(s.charAt(i)) && v < 100_000_000_000L; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private String schedule(long ms, Runnable r) {
        String id = Integer.toString(nextTaskId++);
        scheduled.put(id, engine.schedule(() -> {
            scheduled.remove(id);
            r.run();
        }, ms));
        return id;
    }

    private java.util.concurrent.CompletableFuture<String> schedHangup(String args) {
        List<String> t = ApiArgs.split(args);
        if (t.size() < 2) {
            return done("-USAGE: [+]<time> <uuid> [<cause>]\n");
        }
        Channel ch = engine.channel(t.get(1));
        if (ch == null) {
            return done("-ERR No such channel!\n");
        }
        HangupCause cause = HangupCause.parse(t.size() > 2 ? t.get(2) : null, HangupCause.ALLOTTED_TIMEOUT);
        String uuid = ch.uuid;
        schedule(hangupDelayMillis(t.get(0)), () -> {
            Channel c = engine.channel(uuid);
            if (c != null) {
                dispatcher.calls().hangup(c, cause);
            }
        });
        return done("+OK\n");
    }

    private java.util.concurrent.CompletableFuture<String> schedApi(String args) {
        List<String> t = ApiArgs.split(args);
        if (t.size() < 3) {
            return done("-ERR Invalid syntax\n");
        }
        String group = t.get(1);
        String cmd = String.join(" ", t.subList(2, t.size()));
        String id = schedule(delayMillis(t.get(0)), () -> dispatcher.execute(cmd, null));
        return done("+OK Added: " + id + (group.equals("none") ? "" : "") + "\n");
    }

    private java.util.concurrent.CompletableFuture<String> schedBroadcast(String args) {
        List<String> t = ApiArgs.split(args);
        if (t.size() < 3) {
            return done("-USAGE: [+]<time> <uuid> <path> [aleg|bleg|both]\n");
        }
        String rest = String.join(" ", t.subList(1, t.size()));
        schedule(delayMillis(t.get(0)), () -> dispatcher.execute("uuid_broadcast " + rest, null));
        return done("+OK Message scheduled\n");
    }
}
