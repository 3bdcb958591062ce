package io.switchio.testkit.engine;

/**
 * The hangup tail of §14.6 for {@link CallControl}: CHANNEL_HANGUP, unbridge, unwinding the running apps,
 * CS_HANGUP, stopping recordings, the hangup variables, CS_REPORTING, CHANNEL_HANGUP_COMPLETE,
 * CHANNEL_DESTROY and CS_DESTROY, then the originate result and the signalling peer's and bridge partner's
 * follow-up.
 *
 * <p>Threading: engine thread only.
 */
final class HangupSequence {
    private final CallControl calls;

    HangupSequence(CallControl calls) {
        this.calls = calls;
    }

    /** Hangs a leg up with the full tail of §14.6; the signalling peer and bridge partner follow. */
    void hangup(Channel ch, HangupCause cause) {
        if (ch.hangingUp) {
            return;
        }
        long now = calls.engine().clock().nowMicros();
        ch.hangingUp = true;
        ch.hangupCause = cause;
        ch.hangupMicros = now;
        ch.requested = ChannelState.CS_HANGUP;
        calls.events().fire("CHANNEL_HANGUP", ch);
        if (ch.onHangup != null) {
            ch.onHangup.forEach(Runnable::run);
        }
        Channel partner = ch.bridged;
        if (partner != null) {
            calls.bridges().unbridge(ch, false);
        }
        calls.apps().unwind(ch);
        calls.state(ch, ChannelState.CS_HANGUP, ChannelState.CS_HANGUP);
        calls.apps().stopRecordings(ch);
        calls.callState(ch, CallState.HANGUP);
        reporting(ch, cause, now);
        finish(ch, cause, partner);
    }

    private void reporting(Channel ch, HangupCause cause, long now) {
        ch.vars.set("hangup_cause", cause.name());
        ch.vars.set("hangup_cause_q850", Integer.toString(cause.code()));
        ch.vars.set("duration", Long.toString((now - ch.createdMicros) / 1_000_000));
        ch.vars.set("billsec", Long.toString(ch.answered ? (now - ch.answeredMicros) / 1_000_000 : 0));
        ch.vars.set("answersec", Long.toString(ch.answered ? (ch.answeredMicros - ch.createdMicros) / 1_000_000 : 0));
        if (!ch.answered) {
            ch.vars.setIfAbsent("endpoint_disposition", cause.name());
        }
        if (sip(ch)) {
            String disposition = ch.vars.get("sip_hangup_disposition");
            ch.vars.set("sip_hangup_disposition", disposition != null ? disposition
                    : ch.answered ? "send_bye" : ch.outbound ? "send_cancel" : "send_refuse");
        }
        calls.state(ch, ChannelState.CS_REPORTING);
        if (calls.events().wanted("CHANNEL_HANGUP_COMPLETE")) {
            SimEvent e = calls.events().begin("CHANNEL_HANGUP_COMPLETE").add("Hangup-Cause", cause.name());
            calls.events().bus().fire(calls.events().channelData(e, ch));
        }
        ch.requested = ChannelState.CS_DESTROY;
        calls.events().fire("CHANNEL_DESTROY", ch);
        calls.state(ch, ChannelState.CS_DESTROY);
    }

    private void finish(Channel ch, HangupCause cause, Channel partner) {
        ch.destroyed = true;
        calls.engine().remove(ch);
        OriginateWait w = ch.originateWait;
        if (w != null) {
            ch.originateWait = null;
            if (w.timeout != null) {
                w.timeout.cancel(false);
            }
            w.result.complete("-ERR " + cause.name() + "\n");
        }
        Channel peer = ch.signalPeer;
        if (peer != null && !peer.hangingUp) {
            HangupCause peerCause = peerCause(ch, cause);
            calls.engine().execute(() -> calls.remoteHangup(peer, peerCause));
        }
        if (partner != null && !partner.hangingUp) {
            calls.engine().execute(() -> calls.bridges().afterBridge(partner));
        }
        if (ch.onDestroy != null) {
            ch.onDestroy.forEach(Runnable::run);
        }
    }

    private static HangupCause peerCause(Channel ch, HangupCause cause) {
        if (ch.answered) {
            return HangupCause.NORMAL_CLEARING;
        }
        boolean callee = ch.kind == Channel.Kind.LOOPBACK_B || ch.kind == Channel.Kind.SOFIA_IN;
        return callee ? cause : HangupCause.ORIGINATOR_CANCEL;
    }

    /** True for a SIP (sofia) leg, which carries {@code sip_hangup_disposition}. */
    static boolean sip(Channel ch) {
        return ch.kind == Channel.Kind.SOFIA_IN || ch.kind == Channel.Kind.SOFIA_OUT;
    }
}
