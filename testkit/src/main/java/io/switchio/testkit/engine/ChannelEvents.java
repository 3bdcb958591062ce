package io.switchio.testkit.engine;

import java.util.Map;
import java.util.Set;

/**
 * The one place that lays out channel events like the captures: standard headers, event-specific
 * headers, channel basic data (§8.4 step 3), caller profile, {@code Other-Leg-*}, and the
 * {@code variable_*} block for the event types of §10.5.
 *
 * <p>Threading: called on the engine thread (events of one channel); stateless apart from the bus.
 */
public final class ChannelEvents {
    private static final Set<String> WITH_VARIABLES = Set.of("CHANNEL_CREATE", "CHANNEL_ORIGINATE", "CHANNEL_UUID",
            "CHANNEL_ANSWER", "CHANNEL_PARK", "CHANNEL_UNPARK", "CHANNEL_BRIDGE", "CHANNEL_UNBRIDGE",
            "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE",
            "REQUEST_PARAMS", "CHANNEL_DATA", "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_DESTROY",
            "SESSION_HEARTBEAT", "API", "RECORD_START", "RECORD_STOP", "PLAYBACK_START", "PLAYBACK_STOP",
            "CALL_UPDATE", "MEDIA_BUG_START", "MEDIA_BUG_STOP", "CHANNEL_HOLD", "CHANNEL_UNHOLD", "TEXT", "CUSTOM");

    private static final Map<String, CallSite> SITES = Map.ofEntries(
            Map.entry("API", CallSite.of("switch_loadable_module.c:switch_api_execute:2954")),
            Map.entry("BACKGROUND_JOB", CallSite.of("mod_event_socket.c:api_exec:1572")),
            Map.entry("CALL_UPDATE", CallSite.of("switch_channel.c:switch_channel_flip_cid:3277")),
            Map.entry("CHANNEL_ANSWER", CallSite.of("switch_channel.c:switch_channel_perform_mark_answered:3846")),
            Map.entry("CHANNEL_CALLSTATE", CallSite.of("switch_channel.c:switch_channel_perform_set_callstate:301")),
            Map.entry("CHANNEL_CREATE", CallSite.of("switch_core_state_machine.c:switch_core_session_run:626")),
            Map.entry("CHANNEL_DESTROY", CallSite.of("switch_core_session.c:switch_core_session_perform_destroy:1584")),
            Map.entry("CHANNEL_EXECUTE", CallSite.of("switch_core_session.c:switch_core_session_exec:2944")),
            Map.entry("CHANNEL_EXECUTE_COMPLETE", CallSite.of("switch_core_session.c:switch_core_session_exec:2967")),
            Map.entry("CHANNEL_HANGUP", CallSite.of("switch_channel.c:switch_channel_perform_hangup:3445")),
            Map.entry("CHANNEL_HANGUP_COMPLETE",
                    CallSite.of("switch_core_state_machine.c:switch_core_session_reporting_state:943")),
            Map.entry("CHANNEL_ORIGINATE", CallSite.of("switch_core_state_machine.c:switch_core_session_run:632")),
            Map.entry("CHANNEL_OUTGOING", CallSite.of("switch_core_session.c:switch_core_session_outgoing_channel:768")),
            Map.entry("CHANNEL_PARK", CallSite.of("switch_ivr.c:switch_ivr_park:1002")),
            Map.entry("CHANNEL_UNPARK", CallSite.of("switch_ivr.c:switch_ivr_park:1213")),
            Map.entry("CHANNEL_STATE", CallSite.of("switch_channel.c:switch_channel_perform_set_running_state:2408")),
            Map.entry("CHANNEL_UUID", CallSite.of("switch_core_session.c:switch_core_session_set_uuid:2459")),
            Map.entry("CHANNEL_BRIDGE", CallSite.of("switch_ivr_bridge.c:audio_bridge_on_exchange_media:1006")),
            Map.entry("CHANNEL_UNBRIDGE", CallSite.of("switch_ivr_bridge.c:audio_bridge_on_exchange_media:1112")),
            Map.entry("CHANNEL_PROGRESS", CallSite.of("switch_channel.c:switch_channel_perform_mark_ring_ready_value:3527")),
            Map.entry("CHANNEL_PROGRESS_MEDIA",
                    CallSite.of("switch_channel.c:switch_channel_perform_mark_pre_answered:3606")),
            Map.entry("COMMAND", CallSite.of("switch_ivr_async.c:switch_ivr_broadcast:5731")),
            Map.entry("PRIVATE_COMMAND", CallSite.of("switch_ivr.c:switch_ivr_parse_next_event:804")),
            Map.entry("PLAYBACK_START", CallSite.of("switch_ivr_play_say.c:switch_ivr_play_file:1646")),
            Map.entry("PLAYBACK_STOP", CallSite.of("switch_ivr_play_say.c:switch_ivr_play_file:2020")),
            Map.entry("RECORD_START", CallSite.of("switch_ivr_async.c:record_callback:1220")),
            Map.entry("RECORD_STOP", CallSite.of("switch_ivr_async.c:record_callback:1378")),
            Map.entry("MEDIA_BUG_START", CallSite.of("switch_core_media_bug.c:switch_core_media_bug_add:1010")),
            Map.entry("MEDIA_BUG_STOP", CallSite.of("switch_core_media_bug.c:switch_core_media_bug_close:1233")),
            Map.entry("DTMF", CallSite.of("switch_channel.c:switch_channel_dequeue_dtmf:694")),
            Map.entry("HEARTBEAT", CallSite.of("switch_core.c:send_heartbeat:1277")),
            Map.entry("RE_SCHEDULE", CallSite.of("switch_scheduler.c:switch_scheduler_execute:76")),
            Map.entry("CUSTOM", CallSite.of("mod_bert.c:bert_app:375")),
            Map.entry("CODEC", CallSite.of("switch_core_codec.c:switch_core_session_set_real_read_codec:168")));
    private static final CallSite DEFAULT_SITE = CallSite.of("switch_event.c:switch_event_fire_detailed:2072");

    private final EventBus bus;
    private volatile boolean verbose;

    /** A builder that fires on {@code bus}. */
    public ChannelEvents(EventBus bus) {
        this.bus = bus;
    }

    /** The bus. */
    public EventBus bus() {
        return bus;
    }

    /** {@code fsctl verbose_events}: variables on every channel event. */
    public void verbose(boolean on) {
        this.verbose = on;
    }

    /** The calling site recorded for an event name. */
    public static CallSite site(String name) {
        return SITES.getOrDefault(name, DEFAULT_SITE);
    }

    /** True if any connection may want the event (build nothing otherwise). */
    public boolean wanted(String name) {
        return bus.wanted(name);
    }

    /** An event with only the standard headers, ready for event-specific ones and {@link #channelData}. */
    public SimEvent begin(String name) {
        return bus.create(name, site(name));
    }

    /** Fires a channel event with no extra headers. */
    public void fire(String name, Channel ch) {
        if (bus.wanted(name)) {
            bus.fire(channelData(begin(name), ch));
        }
    }

    /** Appends the channel basic data, profile and (for the right event types) the variables. */
    public SimEvent channelData(SimEvent e, Channel ch) {
        basicData(e, ch);
        if (ch.profileReady) {
            profile(e, "Caller-", ch);
            if (ch.otherLeg != null) {
                e.add("Other-Type", ch.otherType);
                profile(e, "Other-Leg-", ch.otherLeg);
            }
        }
        if (ch.profileReady && (verbose || WITH_VARIABLES.contains(e.eventName())
                || "true".equals(ch.vars.get("verbose_events")))) {
            for (int i = 0; i < ch.vars.size(); i++) {
                e.addEncoded(ch.vars.headerName(i), ch.vars.value(i), ch.vars.plainLine(i));
            }
        }
        return e;
    }

    private static void basicData(SimEvent e, Channel ch) {
        String dir = ch.outbound ? "outbound" : "inbound";
        e.add("Channel-State", ch.state.name())
                .add("Channel-Call-State", ch.callState.name())
                .add("Channel-State-Number", Integer.toString(ch.requested.ordinal()))
                .add("Channel-Name", ch.name)
                .add("Unique-ID", ch.uuid)
                .add("Call-Direction", dir)
                .add("Presence-Call-Direction", dir)
                .add("Channel-HIT-Dialplan", Boolean.toString(ch.hitDialplan))
                .add("Channel-Call-UUID", ch.callUuid())
                .add("Answer-State", ch.answerState());
        if (ch.hangupCause != null) {
            e.add("Hangup-Cause", ch.hangupCause.name());
        }
        if (ch.mediaReady) {
            codec(e, ch, true);
            codec(e, ch, false);
        }
    }

    /** The read or write codec triple of basic data. */
    static void codec(SimEvent e, Channel ch, boolean read) {
        String p = read ? "Channel-Read-Codec-" : "Channel-Write-Codec-";
        e.add(p + "Name", ch.codec).add(p + "Rate", "8000").add(p + "Bit-Rate", Integer.toString(ch.codecBitRate));
    }

    /** Appends the caller profile with another prefix (the connect reply repeats it as {@code Channel-}). */
    public static void profileAs(SimEvent e, String prefix, Channel ch) {
        profile(e, prefix, ch);
    }

    private static void profile(SimEvent e, String p, Channel ch) {
        String dir = ch.outbound ? "outbound" : "inbound";
        e.add(p + "Direction", dir).add(p + "Logical-Direction", dir)
                .add(p + "Username", ch.username)
                .add(p + "Dialplan", ch.dialplan)
                .add(p + "Caller-ID-Name", ch.cidName)
                .add(p + "Caller-ID-Number", ch.cidNumber)
                .add(p + "Orig-Caller-ID-Name", ch.origCidName == null ? ch.cidName : ch.origCidName)
                .add(p + "Orig-Caller-ID-Number", ch.origCidNumber == null ? ch.cidNumber : ch.origCidNumber)
                .add(p + "Callee-ID-Name", ch.calleeName)
                .add(p + "Callee-ID-Number", ch.calleeNumber)
                .add(p + "Network-Addr", ch.networkAddr)
                .add(p + "ANI", ch.origCidNumber == null ? ch.cidNumber : ch.origCidNumber)
                .add(p + "Destination-Number", ch.destination)
                .add(p + "Unique-ID", ch.uuid)
                .add(p + "Source", ch.source)
                .add(p + "Context", ch.context)
                .add(p + "Channel-Name", ch.name)
                .add(p + "Profile-Index", "1")
                .add(p + "Profile-Created-Time", Long.toString(ch.createdMicros))
                .add(p + "Channel-Created-Time", Long.toString(ch.createdMicros))
                .add(p + "Channel-Answered-Time", Long.toString(ch.answeredMicros))
                .add(p + "Channel-Progress-Time", Long.toString(ch.progressMicros))
                .add(p + "Channel-Progress-Media-Time", Long.toString(ch.progressMediaMicros))
                .add(p + "Channel-Hangup-Time", Long.toString(ch.hangupMicros))
                .add(p + "Channel-Transfer-Time", "0")
                .add(p + "Channel-Resurrect-Time", "0")
                .add(p + "Channel-Bridged-Time", Long.toString(ch.bridgedMicros))
                .add(p + "Channel-Last-Hold", "0")
                .add(p + "Channel-Hold-Accum", "0")
                .add(p + "Screen-Bit", "true")
                .add(p + "Privacy-Hide-Name", "false")
                .add(p + "Privacy-Hide-Number", "false");
    }
}
