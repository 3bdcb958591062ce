package io.switchio.testkit.api;

import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.HangupCause;
import io.switchio.testkit.engine.OriginateWait;
import io.switchio.testkit.engine.SwitchEngine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code originate <dial-string> <exten>|&app(args) [dialplan] [context] [cid_name] [cid_num] [timeout]}
 * (§13): parses the grammar, creates the legs of the first working failover group, and completes
 * with {@code +OK <uuid>} or {@code -ERR <CAUSE>}. Endpoints: {@code loopback/}, {@code sofia/}
 * (self-addressed calls loop back as an inbound leg), {@code error/}, {@code user/}.
 *
 * <p>Threading: engine thread only.
 */
public final class OriginateApi implements ApiHandler {
    static final String USAGE = "-USAGE: <call url> <exten>|&<application_name>(<app_args>) [<dialplan>] "
            + "[<context>] [<cid_name>] [<cid_num>] [<timeout_sec>]\n";

    private final SwitchEngine engine;
    private final CallControl calls;
    private final Legs legs;
    private final Endpoints endpoints;

    /** {@code originate} on {@code engine}, making legs with {@code legs}. */
    public OriginateApi(SwitchEngine engine, CallControl calls, Legs legs) {
        this.engine = engine;
        this.calls = calls;
        this.legs = legs;
        this.endpoints = new Endpoints(engine, calls, legs);
    }

    @Override
    public CompletableFuture<String> run(String args) {
        List<String> t = ApiArgs.split(args);
        if (t.size() < 2 || t.size() > 7) {
            return ApiHandler.done(USAGE);
        }
        engine.countOriginate();
        DialString dial;
        try {
            dial = DialString.parse(t.get(0));
        } catch (IllegalArgumentException e) {
            return ApiHandler.done("-ERR " + HangupCause.INVALID_URL + "\n");
        }
        String destination = t.get(1);
        String dialplan = arg(t, 2);
        String context = arg(t, 3);
        Map<String, String> extra = new LinkedHashMap<>();
        if (arg(t, 4) != null) {
            extra.put("origination_caller_id_name", arg(t, 4));
        }
        if (arg(t, 5) != null) {
            extra.put("origination_caller_id_number", arg(t, 5));
        }
        int timeout = parse(arg(t, 6), 60);
        CompletableFuture<String> result = new CompletableFuture<>();
        Attempt attempt = new Attempt(dial, destination, dialplan, context, extra, timeout);
        int retries = parse(dial.globals().get("originate_retries"), 1);
        int sleepMs = parse(dial.globals().get("originate_retry_sleep_ms"), 1000);
        attempt(attempt, 0, retries > 0 && retries < 101 ? retries : 1,
                sleepMs >= 500 && sleepMs <= 60_000 ? sleepMs : 1000, result);
        return result;
    }

    /** What one try of the originate needs. */
    private record Attempt(DialString dial, String destination, String dialplan, String context,
                           Map<String, String> extra, int timeout) {
    }

    /** One try of the whole failover list; {@code originate_retries} tries in all, {@code originate_retry_sleep_ms} apart. */
    private void attempt(Attempt at, int tryNo, int tries, int sleepMs, CompletableFuture<String> result) {
        CompletableFuture<String> one = new CompletableFuture<>();
        tryGroup(at, 0, one);
        one.whenComplete((out, err) -> {
            if ((out != null && out.startsWith("+OK")) || tryNo + 1 >= tries) {
                result.complete(out);
            } else {
                engine.schedule(() -> attempt(at, tryNo + 1, tries, sleepMs, result), sleepMs);
            }
        });
    }

    private void tryGroup(Attempt at, int index, CompletableFuture<String> result) {
        DialString dial = at.dial();
        if (index >= dial.groups().size()) {
            result.complete("-ERR " + HangupCause.NO_ROUTE_DESTINATION + "\n");
            return;
        }
        List<DialString.Leg> group = dial.groups().get(index);
        String destination = at.destination();
        String app = null;
        String appArg = "";
        String exten = null;
        if (destination.startsWith("&")) {
            String d = destination.substring(1);
            int open = d.indexOf('(');
            if (open >= 0) {
                int close = d.indexOf(')', open);
                app = d.substring(0, open);
                appArg = d.substring(open + 1, close < 0 ? d.length() : close);
            } else {
                app = d;
            }
        } else {
            exten = destination;
        }
        OriginateWait.Race race = group.size() > 1 ? new OriginateWait.Race() : null;
        List<OriginateWait> waits = new java.util.ArrayList<>();
        List<Channel> started = new java.util.ArrayList<>();
        boolean[] timedOut = {false};
        String error = null;
        for (DialString.Leg leg : group) {
            Map<String, String> vars = new LinkedHashMap<>(dial.globals());
            vars.putAll(at.extra());
            vars.putAll(leg.vars());
            int legTimeout = parse(vars.get("leg_timeout"), 0);
            int ot = parse(vars.get("originate_timeout"), 0);
            int effective = ot > 0 ? ot : legTimeout > 0 ? legTimeout : at.timeout();
            boolean whole = ot > 0 || legTimeout <= 0;
            OriginateWait wait = new OriginateWait("true".equals(vars.get("ignore_early_media")), app, appArg, exten);
            wait.dialplan = at.dialplan();
            HangupCause refused = engine.admit();
            String err = refused != null ? "-ERR " + refused + "\n" : endpoints.start(leg.endpoint(), vars, wait);
            if (err != null) {
                error = err;
                continue;
            }
            Channel a = endpoints.lastLeg();
            if (exten != null && at.context() != null) {
                a.vars.set("transfer_context", at.context());
            }
            wait.race = race;
            if (race != null) {
                race.legs.add(a);
            }
            waits.add(wait);
            started.add(a);
            if (a.originateWait == wait && !wait.result.isDone()) {
                wait.timeout = engine.schedule(() -> {
                    if (a.originateWait == wait && !a.hangingUp) {
                        timedOut[0] |= whole;
                        calls.hangup(a, HangupCause.NO_ANSWER);
                    }
                }, effective * 1000L);
            }
        }
        if (waits.isEmpty()) {
            if (index + 1 < dial.groups().size()) {
                tryGroup(at, index + 1, result);
            } else {
                result.complete(error);
            }
            return;
        }
        String failOnReject = dial.globals().get("fail_on_single_reject");
        int[] failed = {0};
        boolean[] over = {false};
        for (OriginateWait wait : waits) {
            wait.result.whenComplete((out, err) -> {
                if (over[0] || result.isDone()) {
                    return;
                }
                if (out != null && out.startsWith("+OK")) {
                    over[0] = true;
                    result.complete(out);
                    return;
                }
                boolean single = waits.size() > 1 && rejects(failOnReject, out);
                if (!single && ++failed[0] < waits.size()) {
                    return;
                }
                over[0] = true;
                if (single) {
                    race.decided = true;
                    for (Channel other : started) {
                        if (!other.hangingUp) {
                            engine.execute(() -> calls.hangup(other, HangupCause.LOSE_RACE));
                        }
                    }
                }
                boolean stop = timedOut[0] && !"true".equalsIgnoreCase(dial.globals().get("originate_continue_on_timeout"));
                if (index + 1 < dial.groups().size() && !stop) {
                    tryGroup(at, index + 1, result);
                } else {
                    result.complete(out);
                }
            });
        }
    }

    /**
     * {@code fail_on_single_reject}: {@code true} fails the simultaneous group on any rejecting leg;
     * otherwise a list of cause names (a leading {@code !} inverts it).
     */
    static boolean rejects(String setting, String out) {
        if (setting == null || setting.isBlank() || out == null || !out.startsWith("-ERR ")) {
            return false;
        }
        if ("true".equalsIgnoreCase(setting.trim())) {
            return true;
        }
        String cause = out.substring(5).trim();
        String list = setting.trim();
        boolean negate = list.startsWith("!");
        if (negate) {
            list = list.substring(1);
        }
        boolean listed = false;
        for (String c : list.split("[,:]")) {
            listed |= c.trim().equalsIgnoreCase(cause);
        }
        return listed != negate;
    }

    private static String arg(List<String> t, int i) {
        return t.size() > i && !t.get(i).equals("undef") ? t.get(i) : null;
    }

    private static int parse(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /**
     * Used by the bridge app: starts the B-leg of failover group {@code group} (its first leg) for
     * {@code caller} and returns it, or an error body.
     */
    public Object bridgeLeg(Channel caller, DialString dial, int group) {
        if (group >= dial.groups().size() || dial.groups().get(group).isEmpty()) {
            return "-ERR " + HangupCause.INVALID_URL + "\n";
        }
        DialString.Leg leg = dial.groups().get(group).get(0);
        Map<String, String> vars = new LinkedHashMap<>(dial.globals());
        vars.putAll(leg.vars());
        OriginateWait wait = new OriginateWait(true, "__bridge", caller.uuid, null);
        String err = endpoints.start(leg.endpoint(), vars, wait);
        if (err != null) {
            return err;
        }
        Channel b = endpoints.lastLeg();
        b.originator = caller;
        b.otherLeg = caller;
        b.otherType = "originator";
        b.vars.set("originator", caller.uuid);
        b.vars.set("call_uuid", caller.callUuid());
        int ot = parse(vars.get("originate_timeout"), parse(vars.get("leg_timeout"), 60));
        if (b.originateWait == wait && !wait.result.isDone()) {
            wait.timeout = engine.schedule(() -> {
                if (b.originateWait == wait && !b.hangingUp) {
                    calls.hangup(b, HangupCause.NO_ANSWER);
                }
            }, ot * 1000L);
        }
        return b;
    }
}
