package io.switchio.plugins.toneplay;

import io.switchio.spi.AppContext;
import io.switchio.spi.Callback;
import io.switchio.spi.Coroutine;
import io.switchio.spi.Prepost;
import io.switchio.spi.Session;

/**
 * The TonePlay app of the Python original: inbound legs are answered when they park and then
 * echo; outbound legs play a 1004 Hz tone that loops until the call is hung up.
 *
 * <p>The tone is played as {@code tone_stream://<tone>;loops=<loops>}: the {@code ;loops=-1}
 * suffix is what mod_tone_stream honours to repeat the tone forever inside one {@code playback}
 * (the original passed {@code {loops=-1}} as a file parameter, which FreeSWITCH ignores; and the
 * sendmsg {@code loops} header does not repeat runs shorter than 0.5 s, such as this 251 ms tone).
 * FreeSWITCH needs mod_dptools, mod_commands and mod_tone_stream for it.
 *
 * <p>The call never ends by itself: a hangup comes from the caller, the load generator or the
 * operator.
 *
 * <p>Threading: one shared instance; {@link #setup} runs once per host before any event, then the
 * methods run on session threads and only read the immutable tone string.
 */
public final class TonePlay implements Prepost {

    private volatile String toneStream = TonePlayProvider.toneStream(TonePlayProvider.DEFAULT_TONE, -1);

    @Override
    public void setup(AppContext context) {
        toneStream = TonePlayProvider.toneStream(context.parameters().getString(TonePlayProvider.TONE),
                context.parameters().getInt(TonePlayProvider.LOOPS));
        context.logger().log(System.Logger.Level.DEBUG, "tone-play plays {0} on outbound legs", toneStream);
    }

    /** Answers an inbound leg as soon as it parks (blocks until {@code CHANNEL_ANSWER}). */
    @Coroutine("CHANNEL_PARK")
    public void onPark(Session session) {
        if (session.isInbound() && !session.isAnswered()) {
            session.answer();
        }
    }

    /** Inbound legs echo; outbound legs play the looping tone. */
    @Callback("CHANNEL_ANSWER")
    public void onAnswer(Session session) {
        if (session.isInbound()) {
            session.echo();
        } else {
            session.playback(toneStream);
        }
    }

    /** The playback argument this instance uses, e.g. {@code tone_stream://%(251,0,1004);loops=-1}. */
    public String toneStream() {
        return toneStream;
    }
}
