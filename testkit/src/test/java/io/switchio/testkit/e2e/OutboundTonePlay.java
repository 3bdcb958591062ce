package io.switchio.testkit.e2e;

import io.switchio.spi.Callback;
import io.switchio.spi.Session;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TonePlay for outbound mode: the channel parks before {@code myevents} is on (esl-protocol §6.1),
 * so the app starts from the {@code CHANNEL_DATA} of the {@code connect} reply: answer, play a
 * tone, hang up. Threading: callbacks on session threads; the sets are concurrent.
 */
public final class OutboundTonePlay {

    final Set<String> played = ConcurrentHashMap.newKeySet();
    final Set<String> hungUp = ConcurrentHashMap.newKeySet();
    final java.util.Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final boolean hangup;

    OutboundTonePlay(boolean hangup) {
        this.hangup = hangup;
    }

    @Callback("CHANNEL_DATA")
    public void onData(Session sess) {
        sessions.put(sess.uuid(), sess);
        sess.answer();
    }

    @Callback("CHANNEL_ANSWER")
    public void onAnswer(Session sess) {
        sess.playback("tone_stream://%(251,0,1004)");
        played.add(sess.uuid());
        if (hangup) {
            sess.hangup();
        }
    }

    @Callback("CHANNEL_HANGUP")
    public void onHangup(Session sess) {
        hungUp.add(sess.uuid());
    }
}
