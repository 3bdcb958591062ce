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
    public enum Kind { LOOPBACK_A, LOOPBACK_B, SOFIA_OUT, SOFIA_IN }

    public String uuid;
    public String name;
    public final Kind kind;
    public final boolean outbound;
    public final long sessionId;
    public ChannelState state = ChannelState.CS_NEW;
    public ChannelState requested = ChannelState.CS_NEW;
    public CallState callState = CallState.DOWN;
    public boolean answered;
    public boolean early;
    public boolean hangingUp;
    public boolean destroyed;
    public boolean hitDialplan;
    public boolean mediaReady;
    public boolean profileReady;
    public HangupCause hangupCause;

    public String cidName = "";
    public String cidNumber = "0000000000";
    public String destination = "";
    public String context = "default";
    public String dialplan = "XML";
    public String source = "";
    public String username = "";
    public String networkAddr = "";
    public String origCidName;
    public String origCidNumber;
    public String calleeName = "";
    public String calleeNumber = "";
    public String codec = "PCMU";
    public int codecBitRate = 64000;

    public long createdMicros;
    public long answeredMicros;
    public long progressMicros;
    public long progressMediaMicros;
    public long hangupMicros;
    public long bridgedMicros;

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
    public String otherType;

    /** The park application while the leg is parked, or null. */
    public RunningApp parkApp;
    /** The application currently running (inside the park, if parked), or null. */
    public RunningApp current;
    /** Messages waiting for the current application to finish. */
    public final ArrayDeque<AppMessage> queue = new ArrayDeque<>(2);
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
