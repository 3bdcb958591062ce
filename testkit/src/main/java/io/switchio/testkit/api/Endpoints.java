package io.switchio.testkit.api;

import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.ChannelState;
import io.switchio.testkit.engine.HangupCause;
import io.switchio.testkit.engine.OriginateWait;
import io.switchio.testkit.engine.SwitchEngine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The endpoint modules of the simulator: {@code loopback/<exten>[/<context>[/<dialplan>]]},
 * {@code sofia/<profile>/<user>@<host>[:<port>]} and {@code sofia/gateway/<gw>/<number>},
 * {@code error/<cause>}, {@code user/<user>}; anything else is {@code CHAN_NOT_IMPLEMENTED}.
 *
 * <p>Threading: engine thread only.
 */
final class Endpoints {
    private static final long SIP_TIMER_B_MS = 32_000;
    private static final long LOCAL_REFUSED_MS = 50;

    private final SwitchEngine engine;
    private final CallControl calls;
    private final Legs legs;
    private Channel last;

    Endpoints(SwitchEngine engine, CallControl calls, Legs legs) {
        this.engine = engine;
        this.calls = calls;
        this.legs = legs;
    }

    /** The A-leg created by the last successful {@link #start}. */
    Channel lastLeg() {
        return last;
    }

    /** Starts a leg; returns null when a leg was created, or the {@code -ERR} body when none could be. */
    String start(String endpoint, Map<String, String> vars, OriginateWait wait) {
        last = null;
        int slash = endpoint.indexOf('/');
        String type = slash < 0 ? endpoint : endpoint.substring(0, slash);
        String rest = slash < 0 ? "" : endpoint.substring(slash + 1);
        return switch (type) {
            case "loopback" -> loopback(rest, vars, wait);
            case "sofia" -> sofia(rest, vars, wait);
            case "error" -> {
                HangupCause c = HangupCause.byName(rest);
                yield "-ERR " + (c == null ? HangupCause.NORMAL_CLEARING : c) + "\n";
            }
            case "user" -> "-ERR " + HangupCause.USER_NOT_REGISTERED + "\n";
            default -> "-ERR " + HangupCause.CHAN_NOT_IMPLEMENTED + "\n";
        };
    }

    private String loopback(String rest, Map<String, String> vars, OriginateWait wait) {
        String[] p = rest.split("/");
        String exten = p[0];
        String context = p.length > 1 ? p[1] : "default";
        Channel a = legs.outbound(Channel.Kind.LOOPBACK_A, "loopback/" + rest + "-a", exten, vars);
        a.codec = "L16";
        a.codecBitRate = 128000;
        a.context = context;
        a.calleeNumber = context;
        a.state = ChannelState.CS_NONE;
        calls.codecs(a);
        legs.applyUuid(a, vars.get("origination_uuid"), true);
        a.name = "loopback/" + exten + "-a";
        legs.baseVars(a, vars);
        a.vars.set("originate_early_media", "true");
        a.vars.set("originate_endpoint", "loopback");
        a.originateWait = wait;
        last = a;
        Channel b = engine.newChannel(engine.newUuid(), "loopback/" + exten + "-b", Channel.Kind.LOOPBACK_B, false);
        b.codec = "L16";
        b.codecBitRate = 128000;
        b.destination = exten;
        b.context = context;
        b.dialplan = "XML";
        b.source = "mod_loopback";
        b.cidNumber = a.cidNumber;
        b.cidName = a.cidName;
        b.calleeName = "Outbound Call";
        b.calleeNumber = context;
        b.hitDialplan = true;
        a.signalPeer = b;
        b.signalPeer = a;
        a.vars.set("other_loopback_leg_uuid", b.uuid);
        a.vars.set("loopback_leg", "A");
        a.profileReady = true;
        a.requested = ChannelState.CS_INIT;
        a.state = ChannelState.CS_NONE;
        calls.events().fire("CHANNEL_OUTGOING", a);
        calls.state(a, ChannelState.CS_INIT);
        b.state = ChannelState.CS_NONE;
        calls.codecs(b);
        a.requested = ChannelState.CS_ROUTING;
        calls.events().fire("CHANNEL_CREATE", a);
        b.profileReady = true;
        legs.baseVars(b, Map.of());
        b.vars.set("other_loopback_leg_uuid", a.uuid);
        b.vars.set("loopback_leg", "B");
        calls.state(b, ChannelState.CS_INIT);
        b.requested = ChannelState.CS_ROUTING;
        calls.events().fire("CHANNEL_CREATE", b);
        b.state = ChannelState.CS_ROUTING;
        calls.callState(b, io.switchio.testkit.engine.CallState.RINGING);
        calls.state(b, ChannelState.CS_ROUTING);
        calls.events().fire("CHANNEL_ORIGINATE", a);
        calls.state(a, ChannelState.CS_ROUTING);
        calls.state(a, ChannelState.CS_CONSUME_MEDIA);
        calls.state(b, ChannelState.CS_EXECUTE);
        String app = exten.startsWith("app=") ? exten.substring(4) : "park";
        String arg = "";
        int colon = app.indexOf(':');
        if (colon > 0) {
            arg = app.substring(colon + 1);
            app = app.substring(0, colon);
        }
        calls.apps().enqueue(b, io.switchio.testkit.engine.AppMessage.internal(app, arg, engine.newUuid()));
        return null;
    }

    private String sofia(String rest, Map<String, String> vars, OriginateWait wait) {
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return "-ERR " + HangupCause.INVALID_URL + "\n";
        }
        String profile = rest.substring(0, slash);
        String target = rest.substring(slash + 1);
        int semi = target.indexOf(';');
        String uri = semi < 0 ? target : target.substring(0, semi);
        boolean gateway = profile.equals("gateway");
        Integer profilePort = engine.config().sipProfiles().get(profile);
        if (!gateway && profilePort == null) {
            return "-ERR " + HangupCause.INVALID_PROFILE + "\n";
        }
        String user;
        String host;
        int port;
        if (gateway) {
            int gs = uri.indexOf('/');
            user = gs < 0 ? uri : uri.substring(gs + 1);
            host = gs < 0 ? uri : uri.substring(0, gs);
            port = 5060;
            profile = "external";
            profilePort = engine.config().sipProfiles().getOrDefault("external", 5080);
        } else {
            int at = uri.indexOf('@');
            user = at < 0 ? uri : uri.substring(0, at);
            String hp = at < 0 ? "" : uri.substring(at + 1);
            int colon = hp.lastIndexOf(':');
            host = colon < 0 ? hp : hp.substring(0, colon);
            port = colon < 0 ? 5060 : parsePort(hp.substring(colon + 1));
        }
        Channel a = legs.outbound(Channel.Kind.SOFIA_OUT, "sofia/" + profile + "/" + uri, user, vars);
        a.calleeNumber = user;
        legs.applyUuid(a, vars.get("origination_uuid"), false);
        legs.baseVars(a, new LinkedHashMap<>());
        a.vars.set("sip_profile_name", profile);
        a.vars.set("sip_destination_url", "sip:" + uri);
        vars.forEach(a.vars::set);
        a.vars.set("originate_early_media", "true");
        a.vars.set("originate_endpoint", "sofia");
        a.vars.set("sofia_profile_name", profile);
        a.originateWait = wait;
        last = a;
        legs.announceOutbound(a);
        String selfProfile = selfProfile(host, port);
        if (!gateway && selfProfile != null) {
            Map<String, String> sipHeaders = new LinkedHashMap<>();
            vars.forEach((k, v) -> {
                if (k.startsWith("sip_h_")) {
                    sipHeaders.put(k, v);
                }
            });
            String fromUser = a.cidNumber;
            int inPort = port;
            String inProfile = selfProfile;
            engine.execute(() -> {
                if (a.hangingUp) {
                    return;
                }
                Channel b = legs.inboundSip(inProfile, inPort, fromUser, "127.0.0.1", 0, user, sipHeaders, null);
                a.signalPeer = b;
                b.signalPeer = a;
            });
        } else {
            boolean local = host.equals("127.0.0.1") || host.equals("localhost");
            HangupCause cause = local ? HangupCause.NORMAL_TEMPORARY_FAILURE : HangupCause.RECOVERY_ON_TIMER_EXPIRE;
            engine.schedule(() -> {
                if (!a.hangingUp && !a.answered) {
                    calls.hangup(a, cause);
                }
            }, local ? LOCAL_REFUSED_MS : SIP_TIMER_B_MS);
        }
        return null;
    }

    private String selfProfile(String host, int port) {
        if (!(host.equals("127.0.0.1") || host.equals("localhost"))) {
            return null;
        }
        for (Map.Entry<String, Integer> e : engine.config().sipProfiles().entrySet()) {
            if (e.getValue() == port) {
                return e.getKey();
            }
        }
        return null;
    }

    private static int parsePort(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 5060;
        }
    }
}
