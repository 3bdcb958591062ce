package io.switchio.testkit.engine;

/**
 * Bridges between two legs: CHANNEL_BRIDGE / CHANNEL_UNBRIDGE on the A-leg (§14.4), the peer
 * bookkeeping variables, and what survivors do afterwards (park_after_bridge, hangup_after_bridge).
 *
 * <p>Threading: engine thread only.
 */
public final class BridgeControl {
    private final CallControl calls;
    private final ChannelEvents ev;

    /** Bridge control for these calls. */
    public BridgeControl(CallControl calls) {
        this.calls = calls;
        this.ev = calls.events();
    }

    /** Bridges A to B (both up or early); fires CHANNEL_BRIDGE on A. */
    public void bridge(Channel a, Channel b) {
        long now = calls.engine().clock().nowMicros();
        a.bridged = b;
        b.bridged = a;
        a.bridgeA = true;
        b.bridgeA = false;
        a.otherLeg = b;
        a.otherType = "originatee";
        b.otherLeg = a;
        b.otherType = "originator";
        a.bridgedMicros = now;
        b.bridgedMicros = now;
        a.vars.set("bridge_uuid", b.uuid);
        a.vars.set("bridge_to", b.uuid);
        a.vars.set("signal_bond", b.uuid);
        b.vars.set("bridge_uuid", a.uuid);
        b.vars.set("signal_bond", a.uuid);
        b.vars.set("call_uuid", a.callUuid());
        calls.state(b, ChannelState.CS_EXCHANGE_MEDIA);
        if (ev.wanted("CHANNEL_BRIDGE")) {
            SimEvent e = ev.begin("CHANNEL_BRIDGE").add("Bridge-A-Unique-ID", a.uuid).add("Bridge-B-Unique-ID", b.uuid);
            ev.bus().fire(ev.channelData(e, a));
        }
    }

    /** Ends the bridge of {@code ch} (either side): CHANNEL_UNBRIDGE on the A-leg. */
    public void unbridge(Channel ch, boolean runAfter) {
        Channel other = ch.bridged;
        if (other == null) {
            return;
        }
        Channel a = ch.bridgeA ? ch : other;
        Channel b = ch.bridgeA ? other : ch;
        if (ev.wanted("CHANNEL_UNBRIDGE")) {
            SimEvent e = ev.begin("CHANNEL_UNBRIDGE").add("Bridge-A-Unique-ID", a.uuid).add("Bridge-B-Unique-ID", b.uuid);
            ev.bus().fire(ev.channelData(e, a));
        }
        a.bridged = null;
        b.bridged = null;
        a.vars.set("last_bridge_to", b.uuid);
        b.vars.set("last_bridge_to", a.uuid);
        b.vars.set("call_uuid", b.uuid);
        if (ch.hangupCause != null) {
            other.vars.set("last_bridge_hangup_cause", ch.hangupCause.name());
        }
        if (runAfter) {
            calls.engine().execute(() -> afterBridge(ch));
            calls.engine().execute(() -> afterBridge(other));
        }
    }

    /** A leg whose bridge ended: finish a running bridge app, then park, hang up or go on. */
    public void afterBridge(Channel ch) {
        if (ch.hangingUp) {
            return;
        }
        RunningApp run = ch.current;
        if (run != null && "bridge".equals(run.app())) {
            if ("true".equals(ch.vars.get("hangup_after_bridge"))) {
                calls.hangup(ch, HangupCause.NORMAL_CLEARING);
            } else {
                calls.apps().complete(run);
            }
            return;
        }
        if ("true".equals(ch.vars.get("park_after_bridge"))) {
            calls.apps().enqueue(ch, AppMessage.internal("park", "", calls.engine().newUuid()));
        } else if (ch.parkApp == null && ch.current == null) {
            calls.hangup(ch, HangupCause.NORMAL_CLEARING);
        }
    }
}
