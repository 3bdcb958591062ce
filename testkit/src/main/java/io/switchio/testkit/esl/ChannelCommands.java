package io.switchio.testkit.esl;

import io.switchio.testkit.api.ApiDispatcher;
import io.switchio.testkit.engine.AppMessage;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.ChannelEvents;
import io.switchio.testkit.engine.HangupCause;
import io.switchio.testkit.engine.SimEvent;
import io.switchio.testkit.engine.SwitchEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The commands of one connection that reach the switch: {@code api}, {@code bgapi}, {@code sendmsg},
 * {@code sendevent}, and the controlled-channel commands ({@code myevents <uuid>}, {@code linger},
 * {@code nolinger}, {@code getvar}, {@code resume}, {@code divert_events}).
 *
 * <p>Threading: the connection's reader thread; channel work is handed to the engine thread.
 */
final class ChannelCommands {
    private final EslConnection conn;
    private final SwitchEngine engine;
    private final ApiDispatcher apis;
    private volatile String controlled;
    private volatile int lingerSeconds = -2;

    ChannelCommands(EslConnection conn, EslServer server) {
        this.conn = conn;
        this.engine = server.engine();
        this.apis = server.apis();
    }

    String controlled() {
        return controlled;
    }

    boolean handle(EslCommand cmd, String line, String lower) {
        if (lower.startsWith("api ")) {
            api(line.substring(4));
        } else if (lower.startsWith("bgapi ")) {
            bgapi(line.substring(6), cmd.header("Job-UUID"));
        } else if (lower.startsWith("sendmsg")) {
            sendmsg(cmd, line.length() > 8 ? line.substring(8).trim() : "");
        } else if (lower.startsWith("sendevent")) {
            sendevent(cmd, line.length() > 10 ? line.substring(10).trim() : "");
        } else if (lower.startsWith("myevents")) {
            myevents(line);
        } else if (lower.startsWith("linger")) {
            linger(line);
        } else if (lower.startsWith("nolinger")) {
            if (controlled == null) {
                conn.reply("-ERR not controlling a session");
            } else {
                lingerSeconds = -2;
                conn.reply("+OK will not linger");
            }
        } else if (lower.startsWith("getvar")) {
            getvar(line.length() > 7 ? line.substring(7).trim() : "");
        } else if (lower.startsWith("resume") && controlled != null) {
            conn.reply("+OK");
        } else if (lower.startsWith("divert_events")) {
            String arg = line.length() > 14 ? line.substring(14).trim() : "";
            if (controlled == null) {
                conn.reply("-ERR not controlling a session.");
            } else if (arg.isEmpty()) {
                conn.reply("-ERR missing value.");
            } else {
                conn.reply(arg.equalsIgnoreCase("on") ? "+OK events diverted" : "+OK events not diverted");
            }
        } else {
            conn.reply("-ERR command not found");
        }
        return true;
    }

    private void api(String text) {
        String body;
        try {
            body = apis.execute(text.trim(), null).get(300, TimeUnit.SECONDS);
        } catch (Exception e) {
            body = "-ERR " + e.getMessage() + "\n";
        }
        conn.send(Frames.apiResponse(body));
    }

    private void bgapi(String text, String jobHeader) {
        String job = jobHeader == null || jobHeader.isEmpty() ? engine.newUuid()
                : jobHeader.substring(0, Math.min(36, jobHeader.length()));
        conn.send(Frames.reply("+OK Job-UUID: " + job, "Job-UUID: " + job + "\n"));
        String trimmed = text.trim();
        int sp = trimmed.indexOf(' ');
        String name = sp < 0 ? trimmed : trimmed.substring(0, sp);
        String args = sp < 0 ? "" : trimmed.substring(sp + 1).trim();
        CompletableFuture<String> result = apis.execute(trimmed, job);
        result.whenComplete((out, err) -> {
            String body = err != null ? "-ERR " + err.getMessage() + "\n" : out;
            ChannelEvents ev = engine.events();
            if (ev.wanted("BACKGROUND_JOB")) {
                SimEvent e = ev.begin("BACKGROUND_JOB").add("Job-UUID", job)
                        .add("Job-Owner-UUID", null).add("Job-Command", name).add("Job-Command-Arg", args);
                e.body(body);
                ev.bus().fire(e);
            }
        });
    }

    private void sendmsg(EslCommand cmd, String arg) {
        String uuid = arg.isEmpty() ? cmd.header("Session-ID") : arg;
        if ((uuid == null || uuid.isEmpty()) && controlled != null) {
            uuid = controlled;
        }
        String target = uuid == null ? "" : uuid;
        if (!engine.exists(target)) {
            conn.reply("-ERR invalid session id [" + target + "]");
            return;
        }
        String command = cmd.header("call-command");
        conn.reply("+OK");
        if ("execute".equals(command)) {
            String app = cmd.header("execute-app-name");
            String appArg = cmd.header("execute-app-arg");
            if (appArg == null && cmd.body() != null && "text/plain".equalsIgnoreCase(cmd.header("content-type"))) {
                appArg = cmd.body();
            }
            String eventUuid = cmd.header("Event-UUID");
            int loops = parseInt(cmd.header("loops"), 1);
            List<String[]> headers = new ArrayList<>(cmd.headers());
            AppMessage msg = new AppMessage(app == null ? "" : app, appArg == null ? "" : appArg,
                    eventUuid == null ? engine.newUuid() : eventUuid, cmd.header("Event-UUID-Name"), loops,
                    "true".equalsIgnoreCase(cmd.header("event-lock")), AppMessage.Origin.SENDMSG, headers);
            engine.execute(() -> {
                Channel ch = engine.channel(target);
                if (ch != null) {
                    apis.calls().apps().enqueue(ch, msg);
                }
            });
        } else if ("xferext".equals(command)) {
            StringBuilder steps = new StringBuilder();
            for (String[] h : cmd.headers()) {
                if (h[0].equalsIgnoreCase("application")) {
                    int sp = h[1].indexOf(' ');
                    steps.append(steps.isEmpty() ? "" : ",").append(sp < 0 ? h[1] : h[1].substring(0, sp) + ":"
                            + h[1].substring(sp + 1));
                }
            }
            engine.execute(() -> {
                Channel ch = engine.channel(target);
                if (ch != null && !steps.isEmpty()) {
                    apis.uuidApis().transfer(ch, steps.toString(), "inline");
                }
            });
        } else if ("hangup".equals(command)) {
            HangupCause cause = HangupCause.parse(cmd.header("hangup-cause"), HangupCause.NORMAL_CLEARING);
            engine.execute(() -> {
                Channel ch = engine.channel(target);
                if (ch != null) {
                    apis.calls().hangup(ch, cause);
                }
            });
        }
    }

    private static int parseInt(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /**
     * {@code sendevent}: the client's headers, {@code Command} and {@code Event-UUID}; addressed to a
     * live channel's {@code Unique-ID} it is queued on that session (§5.9), otherwise the standard
     * headers follow and it is fired at once.
     */
    private void sendevent(EslCommand cmd, String nameArg) {
        String name = nameArg.isEmpty() ? "CUSTOM" : nameArg.split(" ")[0];
        String canonical = EventNames.lookup(name);
        String eventName = canonical == null || canonical.equals("ALL") ? "CLONE" : canonical;
        String eventUuid = engine.newUuid();
        SimEvent e = new SimEvent(eventName);
        e.add("Command", cmd.raw().endsWith("\n\n") ? cmd.raw() : cmd.raw() + "\n\n");
        for (String[] h : cmd.headers()) {
            e.add(h[0], h[1]);
        }
        e.add("Event-UUID", eventUuid);
        if (cmd.body() != null) {
            e.body(cmd.body());
        }
        String sub = e.get("Event-Subclass");
        if (sub != null && eventName.equals("CUSTOM")) {
            e.addFirst("Event-Subclass", sub);
        }
        String target = e.get("Unique-ID");
        boolean queued = target != null && engine.call(() -> {
            Channel ch = engine.channel(target);
            if (ch == null || ch.destroyed) {
                return false;
            }
            apis.calls().apps().queueSessionEvent(ch, e);
            return true;
        });
        conn.reply("+OK " + eventUuid);
        if (queued) {
            return;
        }
        engine.bus().appendStandard(e, eventName, ChannelEvents.site("CUSTOM"));
        engine.bus().fire(e);
    }

    /** This connection now controls the channel (outbound connect): hangup notices follow §4.6. */
    void control(String uuid) {
        controlled = uuid;
        engine.execute(() -> {
            Channel ch = engine.channel(uuid);
            if (ch != null) {
                ch.onHangup(() -> controlledGone(uuid, ch.name));
            }
        });
    }

    /** The outbound connect reply: the CHANNEL_DATA header block with four headers appended (§3.8). */
    byte[] connectReply(OutboundSession session) {
        return engine.call(() -> {
            Channel ch = engine.channel(session.uuid());
            if (ch == null) {
                return null;
            }
            ChannelEvents ev = engine.events();
            SimEvent e = ev.channelData(ev.begin("CHANNEL_DATA"), ch);
            ChannelEvents.profileAs(e, "Channel-", ch);
            e.add("Content-Type", "command/reply").add("Reply-Text", "+OK\n")
                    .add("Socket-Mode", session.async() ? "async" : "static")
                    .add("Control", session.full() ? "full" : "single-channel");
            engine.bus().stamp(e);
            return io.switchio.testkit.engine.EventCodec.plain(e);
        });
    }

    private void myevents(String line) {
        String[] w = line.split(" ");
        if (controlled != null) {
            conn.reply("-ERR aready enabled.");
            return;
        }
        if (w.length >= 2 && engine.exists(w[1])) {
            String uuid = w[1];
            controlled = uuid;
            conn.subscription().myEvents(uuid);
            engine.execute(() -> {
                Channel ch = engine.channel(uuid);
                if (ch != null) {
                    ch.onHangup(() -> controlledGone(uuid, ch.name));
                }
            });
            conn.reply("+OK Events Enabled");
        } else if (w.length >= 3) {
            conn.reply("-ERR invalid uuid");
        } else {
            conn.subscription().myEvents(null);
            conn.reply("+OK Events Enabled");
        }
    }

    private void controlledGone(String uuid, String channelName) {
        int linger = lingerSeconds;
        if (linger == -2) {
            conn.controlledChannelGone(uuid);
            return;
        }
        conn.writer().send(Frames.linger(uuid, channelName, linger));
        if (linger >= 0) {
            engine.schedule(() -> conn.controlledChannelGone(uuid), linger * 1000L);
        }
    }

    private void linger(String line) {
        if (controlled == null) {
            conn.reply("-ERR not controlling a session");
            return;
        }
        String arg = line.length() > 7 ? line.substring(7).trim() : "";
        if (arg.isEmpty()) {
            lingerSeconds = -1;
            conn.reply("+OK will linger");
        } else {
            lingerSeconds = parseInt(arg, -1);
            conn.reply("+OK will linger " + lingerSeconds + " seconds");
        }
    }

    private void getvar(String name) {
        String uuid = controlled;
        if (uuid == null) {
            conn.reply("-ERR command not found");
            return;
        }
        String v = engine.call(() -> {
            Channel ch = engine.channel(uuid);
            return ch == null ? null : ch.vars.get(name);
        });
        conn.reply(v == null || v.isEmpty() ? "-ERR command not found" : v.length() > 511 ? v.substring(0, 511) : v);
    }
}
