package io.switchio.testkit.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated call leg: identity, states, caller profile, variables, relations and the
 * application it is running. Plain mutable fields, no locks: only the engine thread touches it.
 *
 * <p>Threading: owned by the engine thread; other threads read {@code SimChannel} snapshots.
 */
public final class Channel {
    /** What kind of endpoint produced the leg; decides the header and variable templates. */
    public enum Kind {
        /** The {@code -a} half of a loopback pair. */
        LOOPBACK_A,
        /** The {@code -b} half of a loopback pair. */
        LOOPBACK_B,
        /** A sofia leg the switch dialled out. */
        SOFIA_OUT,
        /** A sofia leg that called in. */
        SOFIA_IN
    }

    /** {@code Unique-ID}. */
    public String uuid;
    /** {@code Channel-Name}, e.g. {@code sofia/external/1000@127.0.0.1}. */
    public String name;
    /** The endpoint that made the leg. */
    public final Kind kind;
    /** True for {@code Call-Direction: outbound}. */
    public final boolean outbound;
    /** The switch's session count when the leg was made; orders legs oldest first. */
    public final long sessionId;
    /** {@code Channel-State}. */
    public ChannelState state = ChannelState.CS_NEW;
    /** The state asked for and not yet reached. */
    public ChannelState requested = ChannelState.CS_NEW;
    /** {@code Channel-Call-State}. */
    public CallState callState = CallState.DOWN;
    /** True once answered. */
    public boolean answered;
    /** True while in early media (pre-answered). */
    public boolean early;
    /** True from the hangup request on. */
    public boolean hangingUp;
    /** True once CHANNEL_DESTROY was raised. */
    public boolean destroyed;
    /** True once the leg ran the dialplan (routing). */
    public boolean hitDialplan;
    /** True once media flows (answer or early media); codecs are reported from then on. */
    public boolean mediaReady;
    /** True once the caller profile is complete. */
    public boolean profileReady;
    /** Why it hung up, or null while up. */
    public HangupCause hangupCause;

    /** {@code Caller-Caller-ID-Name}. */
    public String cidName = "";
    /** {@code Caller-Caller-ID-Number}. */
    public String cidNumber = "0000000000";
    /** {@code Caller-Destination-Number}. */
    public String destination = "";
    /** {@code Caller-Context}. */
    public String context = "default";
    /** {@code Caller-Dialplan}. */
    public String dialplan = "XML";
    /** {@code Caller-Source}, e.g. {@code mod_sofia}. */
    public String source = "";
    /** {@code Caller-Username}. */
    public String username = "";
    /** {@code Caller-Network-Addr}. */
    public String networkAddr = "";
    /** {@code Caller-Orig-Caller-ID-Name}, or null. */
    public String origCidName;
    /** {@code Caller-Orig-Caller-ID-Number}, or null. */
    public String origCidNumber;
    /** {@code Caller-Callee-ID-Name}. */
    public String calleeName = "";
    /** {@code Caller-Callee-ID-Number}. */
    public String calleeNumber = "";
    /** The read and write codec once media is up. */
    public String codec = "PCMU";
    /** The codec's bit rate. */
    public int codecBitRate = 64000;

    /** {@code Caller-Channel-Created-Time} (epoch microseconds). */
    public long createdMicros;
    /** {@code Caller-Channel-Answered-Time}, 0 until answered. */
    public long answeredMicros;
    /** {@code Caller-Channel-Progress-Time}, 0 until ringing. */
    public long progressMicros;
    /** {@code Caller-Channel-Progress-Media-Time}, 0 until early media. */
    public long progressMediaMicros;
    /** {@code Caller-Channel-Hangup-Time}, 0 until hung up. */
    public long hangupMicros;
    /** {@code Caller-Channel-Bridged-Time}, 0 until bridged. */
    public long bridgedMicros;

    /** The channel variables. */
    public final ChannelVars vars = new ChannelVars();

    /** The other half of a signalling pair (loopback a/b, or an originated sofia leg and its inbound twin). */
    public Channel signalPeer;
    /** The channel this one is bridged to, or null. */
    public Channel bridged;
    /** True on the A side of a bridge (CHANNEL_BRIDGE is raised on it). */
    public boolean bridgeA;
    /** The channel that created this one with {@code bridge}, or null. */
    public Channel originator;
    /** Peer profile exposed as {@code Other-Leg-*}, with {@code otherType} originator/originatee. */
    public Channel otherLeg;
    /** {@code originator} or {@code originatee}: the role of {@link #otherLeg}. */
    public String otherType;

    /** The park application while the leg is parked, or null. */
    public RunningApp parkApp;
    /** The application currently running (inside the park, if parked), or null. */
    public RunningApp current;
    /** Messages waiting for the current application to finish. */
    public final ArrayDeque<AppMessage> queue = new ArrayDeque<>(2);
    /** Events queued on the session ({@code sendevent} with its Unique-ID), fired by the park loop. */
    public ArrayDeque<SimEvent> sessionEvents;
    /** Active recordings (record_session / uuid_record). */
    public List<Recording> recordings;
    /** Pending originate waiting for this leg to answer, or null. */
    public OriginateWait originateWait;
    /** Extra callbacks run when the leg is destroyed. */
    public List<Runnable> onDestroy;
    /** Simulated ms the remote caller stays after answer before it sends BYE (0 = it never does). */
    public long callerHoldMillis;
    /** Extra callbacks run right after CHANNEL_HANGUP (controlling connections, §4.6). */
    public List<Runnable> onHangup;

    /** A leg of the given kind; {@code uuid} may be changed later (CHANNEL_UUID). */
    public Channel(String uuid, String name, Kind kind, boolean outbound, long sessionId, long createdMicros) {
        this.uuid = uuid;
        this.name = name;
        this.kind = kind;
        this.outbound = outbound;
        this.sessionId = sessionId;
        this.createdMicros = createdMicros;
    }

    /** {@code Answer-State} (§10.4). */
    public String answerState() {
        if (hangingUp) {
            return "hangup";
        }
        if (answered) {
            return "answered";
        }
        return early ? "early" : "ringing";
    }

    /** {@code Channel-Call-UUID}: the {@code call_uuid} variable or the own uuid. */
    public String callUuid() {
        String v = vars.get("call_uuid");
        return v == null ? uuid : v;
    }

    /** True while the leg is parked (running the park application). */
    public boolean parked() {
        return parkApp != null;
    }

    /** Adds a recording. */
    public void addRecording(Recording r) {
        if (recordings == null) {
            recordings = new ArrayList<>(1);
        }
        recordings.add(r);
    }

    /** A callback right after CHANNEL_HANGUP. */
    public void onHangup(Runnable r) {
        if (onHangup == null) {
            onHangup = new ArrayList<>(1);
        }
        onHangup.add(r);
    }

    /** A callback at destroy time. */
    public void onDestroy(Runnable r) {
        if (onDestroy == null) {
            onDestroy = new ArrayList<>(1);
        }
        onDestroy.add(r);
    }
}
