package io.switchio.testkit.apps;

import io.switchio.testkit.api.DialString;
import io.switchio.testkit.api.OriginateApi;
import io.switchio.testkit.engine.App;
import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.HangupCause;
import io.switchio.testkit.engine.OriginateWait;
import io.switchio.testkit.engine.RunningApp;

import java.util.Map;

/**
 * Call-handling applications: {@code answer}, {@code pre_answer}, {@code ring_ready}, {@code park},
 * {@code hangup}, {@code respond}, {@code deflect}, {@code bridge}, and the variable apps
 * {@code set}, {@code unset}, {@code multiset}, {@code export}.
 *
 * <p>Threading: engine thread only.
 */
public final class CallApps {
    private CallApps() {
    }

    /** Registers the apps; {@code originate} creates bridge legs. */
    public static void register(Map<String, App> apps, OriginateApi originate) {
        apps.put("answer", (run, calls) -> {
            calls.answer(run.channel);
            calls.apps().complete(run);
        });
        apps.put("pre_answer", (run, calls) -> {
            calls.preAnswer(run.channel);
            calls.apps().complete(run);
        });
        apps.put("ring_ready", (run, calls) -> {
            calls.ringReady(run.channel);
            calls.apps().complete(run);
        });
        apps.put("park", (run, calls) -> {
            Channel ch = run.channel;
            if (ch.parkApp == null) {
                ch.parkApp = run;
                calls.events().fire("CHANNEL_PARK", ch);
            } else {
                run.completed = true;
            }
        });
        apps.put("break", (run, calls) -> {
            Channel ch = run.channel;
            calls.apps().complete(run);
            if (ch.current != null && !ch.hangingUp) {
                calls.apps().breakApp(ch, "all".equalsIgnoreCase(run.data.trim()));
            }
        });
        apps.put("hangup", (run, calls) -> {
            calls.hangup(run.channel, HangupCause.parse(run.data, HangupCause.NORMAL_CLEARING));
        });
        apps.put("respond", (run, calls) -> respond(run, calls));
        apps.put("deflect", (run, calls) -> {
            calls.hangup(run.channel, HangupCause.BLIND_TRANSFER);
        });
        apps.put("set", (run, calls) -> {
            setPair(run.channel, run.data);
            calls.apps().complete(run);
        });
        apps.put("export", (run, calls) -> {
            setPair(run.channel, run.data);
            if (run.channel.bridged != null) {
                setPair(run.channel.bridged, run.data);
            }
            calls.apps().complete(run);
        });
        apps.put("unset", (run, calls) -> {
            run.channel.vars.set(run.data.trim(), null);
            calls.apps().complete(run);
        });
        apps.put("multiset", (run, calls) -> {
            String d = run.data;
            String delim = " ";
            if (d.startsWith("^^") && d.length() > 2) {
                delim = java.util.regex.Pattern.quote(d.substring(2, 3));
                d = d.substring(3);
            }
            for (String pair : d.split(delim)) {
                setPair(run.channel, pair);
            }
            calls.apps().complete(run);
        });
        apps.put("bridge", (run, calls) -> bridge(run, calls, originate));
    }

    private static void setPair(Channel ch, String pair) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
            ch.vars.set(pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
    }

    private static void respond(RunningApp run, CallControl calls) {
        String code = run.data.trim().split(" ")[0];
        calls.apps().complete(run);
        switch (code) {
            case "180" -> calls.ringReady(run.channel);
            case "183" -> calls.preAnswer(run.channel);
            case "200" -> calls.answer(run.channel);
            default -> calls.hangup(run.channel, sipCause(code));
        }
    }

    /** SIP status to cause, sofia's table (§14.8). */
    static HangupCause sipCause(String code) {
        return switch (code) {
            case "401", "402", "403", "407", "603", "608" -> HangupCause.CALL_REJECTED;
            case "404" -> HangupCause.UNALLOCATED_NUMBER;
            case "408", "504" -> HangupCause.RECOVERY_ON_TIMER_EXPIRE;
            case "410" -> HangupCause.NUMBER_CHANGED;
            case "480" -> HangupCause.NO_USER_RESPONSE;
            case "484" -> HangupCause.INVALID_NUMBER_FORMAT;
            case "485", "604" -> HangupCause.NO_ROUTE_DESTINATION;
            case "486", "600" -> HangupCause.USER_BUSY;
            case "487" -> HangupCause.ORIGINATOR_CANCEL;
            case "488", "606" -> HangupCause.INCOMPATIBLE_DESTINATION;
            case "400", "481", "500", "503" -> HangupCause.NORMAL_TEMPORARY_FAILURE;
            case "502" -> HangupCause.NETWORK_OUT_OF_ORDER;
            case "405" -> HangupCause.SERVICE_UNAVAILABLE;
            case "406", "415", "501" -> HangupCause.SERVICE_NOT_IMPLEMENTED;
            default -> HangupCause.NORMAL_UNSPECIFIED;
        };
    }

    private static void bridge(RunningApp run, CallControl calls, OriginateApi originate) {
        DialString dial;
        try {
            dial = DialString.parse(run.data);
        } catch (IllegalArgumentException e) {
            failBridge(run, calls, HangupCause.INVALID_URL.name());
            return;
        }
        if (dial.groups().isEmpty()) {
            failBridge(run, calls, HangupCause.INVALID_URL.name());
            return;
        }
        bridgeGroup(run, calls, originate, dial, 0);
    }

    /**
     * Tries failover group {@code index} ({@code a|b}); on failure the next one, except after a
     * timeout ({@code NO_ANSWER}) unless {@code originate_continue_on_timeout=true}.
     */
    private static void bridgeGroup(RunningApp run, CallControl calls, OriginateApi originate, DialString dial, int index) {
        Channel a = run.channel;
        Object leg = originate.bridgeLeg(a, dial, index);
        if (!(leg instanceof Channel b)) {
            nextGroup(run, calls, originate, dial, index, ((String) leg).substring(5).trim());
            return;
        }
        OriginateWait wait = b.originateWait;
        run.hooks = new RunningApp.Hooks() {
            @Override
            public void onHangup() {
                if (!b.hangingUp && b.bridged == null) {
                    calls.hangup(b, HangupCause.ORIGINATOR_CANCEL);
                }
            }
        };
        wait.result.whenComplete((out, err) -> {
            if (run.completed || a.hangingUp) {
                return;
            }
            if (out != null && out.startsWith("+OK") && !b.hangingUp) {
                if (!a.answered) {
                    calls.answer(a);
                }
                calls.bridges().bridge(a, b);
            } else {
                nextGroup(run, calls, originate, dial, index, out == null ? "NORMAL_CLEARING" : out.substring(5).trim());
            }
        });
    }

    private static void nextGroup(RunningApp run, CallControl calls, OriginateApi originate, DialString dial, int index,
                                  String cause) {
        boolean timedOut = cause.equals(HangupCause.NO_ANSWER.name())
                && !"true".equalsIgnoreCase(dial.globals().get("originate_continue_on_timeout"));
        if (index + 1 < dial.groups().size() && !timedOut) {
            bridgeGroup(run, calls, originate, dial, index + 1);
        } else {
            failBridge(run, calls, cause);
        }
    }

    private static void failBridge(RunningApp run, CallControl calls, String cause) {
        Channel a = run.channel;
        a.vars.set("originate_failed_cause", cause);
        boolean keep = "true".equals(a.vars.get("continue_on_fail")) || cause.equals("NO_ANSWER")
                || cause.equals("NO_USER_RESPONSE") || cause.equals("ORIGINATOR_CANCEL");
        if (keep) {
            calls.apps().complete(run);
        } else {
            calls.hangup(a, HangupCause.parse(cause, HangupCause.NORMAL_CLEARING));
        }
    }
}
