package io.switchio.testkit.engine;

/**
 * Channel state machine: state and call-state changes, answer, pre-answer, ring, originate
 * completion, and hangup (its tail of §14.6 is {@link HangupSequence}), each raising the events the captures
 * show in their order.
 *
 * <p>Threading: engine thread only.
 */
public final class CallControl {
    private final SwitchEngine engine;
    private final ChannelEvents ev;
    private AppRunner apps;
    private BridgeControl bridges;
    private final HangupSequence hangups = new HangupSequence(this);

    /** Call control on {@code engine}; {@link #wire} completes it. */
    public CallControl(SwitchEngine engine) {
        this.engine = engine;
        this.ev = engine.events();
    }

    /** Connects the app runner and bridge control (they refer back to this). */
    public void wire(AppRunner appRunner, BridgeControl bridgeControl) {
        this.apps = appRunner;
        this.bridges = bridgeControl;
    }

    /** The switch. */
    public SwitchEngine engine() {
        return engine;
    }

    /** Builds and raises channel events. */
    public ChannelEvents events() {
        return ev;
    }

    /** Runs dialplan applications. */
    public AppRunner apps() {
        return apps;
    }

    /** Bridges and unbridges legs. */
    public BridgeControl bridges() {
        return bridges;
    }

    /** Runs a new state: {@code CHANNEL_STATE} with the running state and the requested number. */
    public void state(Channel ch, ChannelState running, ChannelState requested) {
        ch.state = running;
        ch.requested = requested;
        ev.fire("CHANNEL_STATE", ch);
    }

    /** Runs a new state whose requested state is itself. */
    public void state(Channel ch, ChannelState s) {
        state(ch, s, s);
    }

    /** Changes the call state ({@code CHANNEL_CALLSTATE}, only on a real change). */
    public void callState(Channel ch, CallState cs) {
        if (ch.callState == cs) {
            return;
        }
        CallState old = ch.callState;
        ch.callState = cs;
        if (ev.wanted("CHANNEL_CALLSTATE")) {
            SimEvent e = ev.begin("CHANNEL_CALLSTATE")
                    .add("Original-Channel-Call-State", old.name())
                    .add("Channel-Call-State-Number", Integer.toString(cs.ordinal()));
            ev.bus().fire(ev.channelData(e, ch));
        }
    }

    /** The two CODEC events of media setup, with their captured header quirks. */
    public void codecs(Channel ch) {
        boolean loopback = ch.kind == Channel.Kind.LOOPBACK_A || ch.kind == Channel.Kind.LOOPBACK_B;
        if (ev.wanted("CODEC")) {
            SimEvent r = ev.begin("CODEC");
            ch.mediaReady = !loopback;
            ev.channelData(r, ch);
            if (loopback) {
                ChannelEvents.codec(r, ch, true);
            }
            r.add("channel-read-codec-name", ch.codec).add("channel-read-codec-rate", "8000")
                    .add("channel-read-codec-bit-rate", Integer.toString(ch.codecBitRate));
            ev.bus().fire(r);
            ch.mediaReady = true;
            SimEvent w = ev.channelData(ev.begin("CODEC"), ch);
            w.add("Channel-Write-Codec-Name", ch.codec).add("Channel-Write-Codec-Rate", "8000")
                    .add("Channel-Write-codec-bit-rate", Integer.toString(ch.codecBitRate));
            ev.bus().fire(w);
        }
        ch.mediaReady = true;
    }

    /** Answers a leg (and the other half of its signalling pair); false if it is already hanging up. */
    public boolean answer(Channel ch) {
        if (ch.hangingUp) {
            return false;
        }
        if (ch.answered) {
            return true;
        }
        Channel peer = ch.signalPeer;
        if (peer != null && !peer.hangingUp && !peer.answered && ch.kind == Channel.Kind.LOOPBACK_B) {
            markAnswered(peer);
            callUpdate(peer);
            markAnswered(ch);
            legUp(peer);
        } else if (peer != null && !peer.hangingUp && !peer.answered && ch.kind == Channel.Kind.SOFIA_IN) {
            markAnswered(ch);
            engine.execute(() -> {
                if (!peer.hangingUp && !peer.answered) {
                    peer.networkAddr = "127.0.0.1";
                    peer.calleeName = peer.destination;
                    codecs(peer);
                    markAnswered(peer);
                    callUpdate(peer);
                    legUp(peer);
                }
            });
        } else {
            markAnswered(ch);
            legUp(ch);
        }
        return true;
    }

    private void markAnswered(Channel ch) {
        ch.answered = true;
        ch.answeredMicros = engine.clock().nowMicros();
        ch.vars.set("endpoint_disposition", "ANSWER");
        ev.fire("CHANNEL_ANSWER", ch);
        callState(ch, CallState.ACTIVE);
        if (ch.callerHoldMillis > 0) {
            engine.schedule(() -> {
                if (!ch.hangingUp) {
                    remoteHangup(ch, HangupCause.NORMAL_CLEARING);
                }
            }, ch.callerHoldMillis);
        }
    }

    /**
     * The far end ends the call (a SIP BYE, or CANCEL/refusal before answer): the same sequence as
     * a local hangup (§14.6) with {@code sip_hangup_disposition} {@code recv_*} on a SIP leg.
     */
    public void remoteHangup(Channel ch, HangupCause cause) {
        if (ch.hangingUp) {
            return;
        }
        if (HangupSequence.sip(ch)) {
            ch.vars.set("sip_hangup_disposition", ch.answered ? "recv_bye" : ch.outbound ? "recv_refuse" : "recv_cancel");
        }
        hangup(ch, cause);
    }

    private void callUpdate(Channel ch) {
        flipCallerId(ch);
        if (ev.wanted("CALL_UPDATE")) {
            SimEvent e = ev.begin("CALL_UPDATE").add("Direction", "RECV");
            ev.bus().fire(ev.channelData(e, ch));
        }
    }

    /** {@code switch_channel_flip_cid}: the answered outbound leg now shows the callee as its caller id. */
    private static void flipCallerId(Channel ch) {
        if (ch.origCidNumber == null) {
            ch.origCidName = ch.cidName;
            ch.origCidNumber = ch.cidNumber;
        }
        String name = ch.cidName;
        String number = ch.cidNumber;
        ch.cidName = ch.calleeName;
        ch.cidNumber = ch.calleeNumber;
        ch.calleeName = name;
        ch.calleeNumber = number;
    }

    /** Early media (183): {@code CHANNEL_PROGRESS_MEDIA}, call state EARLY; completes an originate unless it ignores early media. */
    public boolean preAnswer(Channel ch) {
        if (ch.hangingUp) {
            return false;
        }
        if (ch.answered || ch.early) {
            return true;
        }
        ch.early = true;
        ch.progressMediaMicros = engine.clock().nowMicros();
        ev.fire("CHANNEL_PROGRESS_MEDIA", ch);
        callState(ch, CallState.EARLY);
        Channel peer = ch.signalPeer;
        if (peer != null && !peer.hangingUp && !peer.answered && !peer.early) {
            peer.early = true;
            peer.progressMediaMicros = ch.progressMediaMicros;
            ev.fire("CHANNEL_PROGRESS_MEDIA", peer);
            callState(peer, CallState.EARLY);
            if (peer.originateWait != null && !peer.originateWait.ignoreEarlyMedia) {
                legUp(peer);
            }
        } else if (ch.originateWait != null && !ch.originateWait.ignoreEarlyMedia) {
            legUp(ch);
        }
        return true;
    }

    /** Ring indication (180): {@code CHANNEL_PROGRESS}, call state RINGING, also on the calling half. */
    public void ringReady(Channel ch) {
        if (ch.hangingUp || ch.answered) {
            return;
        }
        ch.progressMicros = engine.clock().nowMicros();
        ev.fire("CHANNEL_PROGRESS", ch);
        callState(ch, CallState.RINGING);
        Channel peer = ch.signalPeer;
        if (peer != null && !peer.hangingUp && !peer.answered && peer.callState == CallState.DOWN) {
            peer.progressMicros = ch.progressMicros;
            ev.fire("CHANNEL_PROGRESS", peer);
            callState(peer, CallState.RINGING);
        }
    }

    /** An originated leg is up: the originate succeeds, the leg executes its destination. */
    public void legUp(Channel a) {
        OriginateWait w = a.originateWait;
        if (w == null) {
            return;
        }
        if (w.race != null) {
            if (w.race.decided) {
                hangup(a, HangupCause.LOSE_RACE);
                return;
            }
            w.race.decided = true;
            for (Channel other : w.race.legs) {
                if (other != a && !other.hangingUp) {
                    engine.execute(() -> hangup(other, HangupCause.LOSE_RACE));
                }
            }
        }
        a.originateWait = null;
        if (w.timeout != null) {
            w.timeout.cancel(false);
        }
        w.result.complete("+OK " + a.uuid + "\n");
        if (a.hangingUp || "__bridge".equals(w.app)) {
            return;
        }
        a.hitDialplan = true;
        a.vars.set("call_uuid", a.uuid);
        state(a, ChannelState.CS_EXECUTE);
        if (w.app != null) {
            apps.enqueue(a, AppMessage.internal(w.app, w.appArg, engine.newUuid()));
        } else if ("inline".equals(w.dialplan)) {
            for (String step : w.extension.split(",")) {
                int colon = step.indexOf(':');
                apps.enqueue(a, AppMessage.internal(colon < 0 ? step.trim() : step.substring(0, colon).trim(),
                        colon < 0 ? "" : step.substring(colon + 1), engine.newUuid()));
            }
        } else {
            apps.enqueue(a, AppMessage.internal("park", "", engine.newUuid()));
        }
    }

    /** Hangs a leg up with the full tail of §14.6; the signalling peer and bridge partner follow. */
    public void hangup(Channel ch, HangupCause cause) {
        hangups.hangup(ch, cause);
    }
}
