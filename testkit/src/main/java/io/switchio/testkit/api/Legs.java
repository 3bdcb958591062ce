package io.switchio.testkit.api;

import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.CallState;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.ChannelState;
import io.switchio.testkit.engine.SimEvent;
import io.switchio.testkit.engine.SwitchEngine;

import java.util.Map;

/**
 * Creates legs with the names, profiles, variables and opening events of the captures: the
 * loopback pair (capture c), an outbound sofia leg (capture f, A) and an inbound sofia leg that
 * lands in the park context (captures e and f, B).
 *
 * <p>Threading: engine thread only.
 */
public final class Legs {
    /** Context of inbound SIP calls, as in the captures' dialplan. */
    public static final String PARK_CONTEXT = "switchio";

    private final SwitchEngine engine;
    private final CallControl calls;

    /** Leg factory of {@code engine}. */
    public Legs(SwitchEngine engine, CallControl calls) {
        this.engine = engine;
        this.calls = calls;
    }

    /** Fires CHANNEL_UUID when a leg takes its {@code origination_uuid}; a duplicate is refused (quirk). */
    void applyUuid(Channel ch, String wanted, boolean announce) {
        if (wanted == null || wanted.isEmpty() || engine.exists(wanted)) {
            return;
        }
        String old = ch.uuid;
        engine.rekey(ch, wanted);
        if (announce && calls.events().wanted("CHANNEL_UUID")) {
            SimEvent e = calls.events().begin("CHANNEL_UUID").add("Old-Unique-ID", old);
            calls.events().bus().fire(calls.events().channelData(e, ch));
        }
    }

    /** The outbound leg of an originate (not yet announced). */
    Channel outbound(Channel.Kind kind, String name, String destination, Map<String, String> vars) {
        Channel ch = engine.newChannel(engine.newUuid(), name, kind, true);
        ch.destination = destination;
        ch.dialplan = kind == Channel.Kind.LOOPBACK_A ? "xml" : "";
        ch.calleeName = "Outbound Call";
        ch.source = kind == Channel.Kind.LOOPBACK_A ? "mod_loopback" : "src/switch_ivr_originate.c";
        String cidNum = vars.get("origination_caller_id_number");
        String cidName = vars.get("origination_caller_id_name");
        ch.cidNumber = cidNum == null ? "0000000000" : cidNum;
        ch.cidName = cidName == null ? "" : cidName;
        ch.hitDialplan = false;
        return ch;
    }

    /** Announces an outbound leg: CHANNEL_OUTGOING, CS_INIT, CHANNEL_CREATE, CHANNEL_ORIGINATE, CS_ROUTING, CS_CONSUME_MEDIA. */
    void announceOutbound(Channel ch) {
        ch.profileReady = true;
        ch.requested = ChannelState.CS_INIT;
        ch.state = ChannelState.CS_NONE;
        calls.events().fire("CHANNEL_OUTGOING", ch);
        calls.state(ch, ChannelState.CS_INIT);
        ch.requested = ChannelState.CS_ROUTING;
        calls.events().fire("CHANNEL_CREATE", ch);
        calls.events().fire("CHANNEL_ORIGINATE", ch);
        calls.state(ch, ChannelState.CS_ROUTING);
        calls.state(ch, ChannelState.CS_CONSUME_MEDIA);
    }

    /** Standard variables of a new leg, in the captured order. */
    void baseVars(Channel ch, Map<String, String> dialVars) {
        ch.vars.set("direction", ch.outbound ? "outbound" : "inbound");
        if (ch.outbound) {
            ch.vars.set("is_outbound", "true");
        }
        ch.vars.set("uuid", ch.uuid);
        ch.vars.set("call_uuid", ch.uuid);
        ch.vars.set("session_id", Long.toString(ch.sessionId));
        if (ch.kind == Channel.Kind.LOOPBACK_A || ch.kind == Channel.Kind.LOOPBACK_B) {
            ch.vars.set("read_codec", "L16");
            ch.vars.set("read_rate", "8000");
            ch.vars.set("write_codec", "L16");
            ch.vars.set("write_rate", "8000");
        }
        ch.vars.set("channel_name", ch.name);
        dialVars.forEach(ch.vars::set);
    }

    /**
     * An inbound SIP leg on {@code profile} from {@code fromUser}@{@code fromHost}:{@code fromPort}
     * to {@code destination}, entering the park context: CS_NEW, CODEC x2, CS_INIT, CHANNEL_CREATE,
     * RINGING, CS_ROUTING, CS_EXECUTE, CHANNEL_EXECUTE park, CHANNEL_PARK.
     */
    public Channel inboundSip(String profile, int profilePort, String fromUser, String fromHost, int fromPort,
                              String destination, Map<String, String> extraVars, String uuid) {
        String from = fromUser + "@" + fromHost + (fromPort > 0 ? ":" + fromPort : "");
        Channel ch = engine.newChannel(uuid != null && !engine.exists(uuid) ? uuid : engine.newUuid(),
                "sofia/" + profile + "/" + from, Channel.Kind.SOFIA_IN, false);
        ch.username = fromUser;
        String name = extraVars == null ? null : extraVars.get("caller_id_name");
        ch.cidName = name == null ? fromUser : name;
        ch.cidNumber = fromUser;
        ch.networkAddr = fromHost;
        ch.destination = destination;
        ch.dialplan = "XML";
        ch.source = "mod_sofia";
        ch.context = PARK_CONTEXT;
        ch.hitDialplan = true;
        calls.state(ch, ChannelState.CS_NEW);
        ch.profileReady = true;
        calls.codecs(ch);
        sipVars(ch, profile, profilePort, fromUser, fromHost, fromPort, destination, extraVars);
        calls.state(ch, ChannelState.CS_INIT, ChannelState.CS_INIT);
        ch.requested = ChannelState.CS_ROUTING;
        calls.events().fire("CHANNEL_CREATE", ch);
        ch.state = ChannelState.CS_ROUTING;
        calls.callState(ch, CallState.RINGING);
        calls.state(ch, ChannelState.CS_ROUTING);
        calls.state(ch, ChannelState.CS_EXECUTE);
        calls.apps().enqueue(ch, io.switchio.testkit.engine.AppMessage.internal("park", "", engine.newUuid()));
        return ch;
    }

    private void sipVars(Channel ch, String profile, int profilePort, String fromUser, String fromHost, int fromPort,
                         String destination, Map<String, String> extraVars) {
        String host = "127.0.0.1";
        ch.vars.set("direction", "inbound");
        ch.vars.set("uuid", ch.uuid);
        ch.vars.set("call_uuid", ch.uuid);
        ch.vars.set("session_id", Long.toString(ch.sessionId));
        ch.vars.set("sip_from_user", fromUser);
        if (fromPort > 0) {
            ch.vars.set("sip_from_port", Integer.toString(fromPort));
        }
        ch.vars.set("sip_from_uri", fromUser + "@" + fromHost + (fromPort > 0 ? ":" + fromPort : ""));
        ch.vars.set("sip_from_host", fromHost);
        ch.vars.set("channel_name", ch.name);
        ch.vars.set("sip_call_id", engine.newUuid());
        ch.vars.set("sip_local_network_addr", host);
        ch.vars.set("sip_network_ip", fromHost);
        ch.vars.set("sip_network_port", Integer.toString(fromPort > 0 ? fromPort : profilePort));
        ch.vars.set("sip_invite_stamp", Long.toString(ch.createdMicros));
        ch.vars.set("sip_received_ip", fromHost);
        ch.vars.set("sip_via_protocol", "udp");
        ch.vars.set("sofia_profile_name", profile);
        ch.vars.set("sofia_profile_url", "sip:mod_sofia@" + host + ":" + profilePort);
        ch.vars.set("recovery_profile_name", profile);
        ch.vars.set("sip_req_user", destination);
        ch.vars.set("sip_req_port", Integer.toString(profilePort));
        ch.vars.set("sip_req_uri", destination + "@" + host + ":" + profilePort);
        ch.vars.set("sip_req_host", host);
        ch.vars.set("sip_to_user", destination);
        ch.vars.set("sip_to_port", Integer.toString(profilePort));
        ch.vars.set("sip_to_uri", destination + "@" + host + ":" + profilePort);
        ch.vars.set("sip_to_host", host);
        if (extraVars != null) {
            extraVars.forEach(ch.vars::set);
        }
        ch.vars.set("max_forwards", "70");
        ch.vars.set("read_codec", "PCMU");
        ch.vars.set("read_rate", "8000");
        ch.vars.set("write_codec", "PCMU");
        ch.vars.set("write_rate", "8000");
        ch.vars.set("endpoint_disposition", "RECEIVED");
    }
}
