package io.switchio.testkit.apps;

import io.switchio.testkit.engine.App;
import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.ChannelEvents;
import io.switchio.testkit.engine.RunningApp;
import io.switchio.testkit.engine.SimEvent;

/**
 * {@code bert_test}: mod_bert's bit-error-rate test. A loopback media path never loses bits, so the
 * simulator reports {@code mod_bert::lost_sync}-free runs: one {@code mod_bert::in_sync} CUSTOM event
 * after a second, then it runs until broken or hung up.
 *
 * <p>Threading: engine thread only.
 */
public final class BertApp implements App {
    /** The {@code bert_test} application. */
    public BertApp() {
    }

    @Override
    public void start(RunningApp run, CallControl calls) {
        ChannelEvents ev = calls.events();
        run.timer = calls.engine().schedule(() -> {
            if (ev.wanted("CUSTOM")) {
                SimEvent e = ev.channelData(ev.begin("CUSTOM"), run.channel);
                e.addFirst("Event-Subclass", "mod_bert::in_sync");
                e.add("sync_state", "true");
                ev.bus().fire(e);
            }
        }, 1000);
    }
}
