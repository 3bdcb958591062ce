package io.switchio.testkit.e2e;

import io.switchio.spi.Callback;
import io.switchio.spi.Session;
import java.util.List;
import java.util.Map;

/** The seed page's TonePlay (switchio-reference §4.1) as a plain Java class. Threading: stateless. */
public final class TonePlay {

    @Callback("CHANNEL_PARK")
    public void onPark(Session sess) {
        if (sess.isInbound()) {
            sess.answer();
        }
    }

    @Callback("CHANNEL_ANSWER")
    public void onAnswer(Session sess) {
        if (sess.isInbound()) {
            sess.echo();
        } else {
            sess.playback(List.of("tone_stream://%(251,0,1004)"), Map.of("loops", "-1"), 0, 1, false);
        }
    }
}
