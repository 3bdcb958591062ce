package io.switchio.testkit.api;

import io.switchio.testkit.engine.BroadcastControl;
import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.SwitchEngine;

import java.util.concurrent.CompletableFuture;

import static io.switchio.testkit.api.ApiHandler.done;

/**
 * {@code uuid_broadcast <uuid> <path> [aleg|bleg|holdb|both]} as mod_commands and
 * switch_ivr_broadcast: the leg words are matched as substrings (no word: aleg with the peer on
 * hold); {@code app::args} runs another application, {@code app!cause::args} then hangs the
 * leg up with that cause; {@code bleg} queues on the bridged peer (queued first).
 *
 * <p>Threading: engine thread only.
 */
public final class BroadcastApi implements ApiHandler {
    private final SwitchEngine engine;
    private final CallControl calls;

    BroadcastApi(SwitchEngine engine, CallControl calls) {
        this.engine = engine;
        this.calls = calls;
    }

    @Override
    public CompletableFuture<String> run(String args) {
        String[] p = args.trim().split(" ");
        if (p.length < 2 || p[0].isEmpty()) {
            return done("-USAGE: <uuid> <path> [aleg|bleg|holdb|both]\n");
        }
        Channel ch = engine.channel(p[0]);
        if (ch == null) {
            return done("-ERR invalid uuid\n");
        }
        boolean echoA;
        boolean echoB = false;
        boolean holdB = false;
        if (p.length > 2) {
            String w = p[2].toLowerCase(java.util.Locale.ROOT);
            echoA = w.contains("both") || w.contains("aleg");
            echoB = w.contains("both") || w.contains("bleg");
            if (w.contains("holdb")) {
                echoB = false;
                holdB = true;
            }
        } else {
            echoA = true;
            holdB = true;
        }
        String path = p[1];
        String app = "playback";
        int sep = path.indexOf(':');
        if (sep >= 0 && path.startsWith("::", sep)) {
            app = path.substring(0, sep);
            path = path.substring(sep + 2);
        }
        String cause = null;
        int bang = app.indexOf('!');
        if (bang >= 0) {
            cause = app.substring(bang + 1);
            app = app.substring(0, bang);
        }
        BroadcastControl b = calls.apps().broadcasts();
        if (echoB && ch.bridged != null && !ch.bridged.hangingUp) {
            calls.apps().enqueue(ch.bridged, b.message(app, path, 1, holdB, true));
        }
        if (echoA) {
            calls.apps().enqueue(ch, b.message(app, path, 1, holdB, true));
        }
        if (cause != null) {
            calls.apps().enqueue(ch, b.message("hangup", cause, 1, false, false));
        }
        return done("+OK Message sent\n");
    }
}
