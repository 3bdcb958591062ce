package io.switchio.testkit.apps;

import io.switchio.testkit.engine.App;
import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.HangupCause;
import io.switchio.testkit.engine.RunningApp;
import io.switchio.testkit.esl.EslServer;
import io.switchio.testkit.esl.OutboundSession;

/**
 * {@code socket <host>[:<port>] [async] [full]}: outbound mode (esl-protocol.md §6). The simulator
 * dials the application, which must send {@code connect}; the channel is then parked (in every
 * mode: the simulator runs static sockets like async ones) so queued {@code sendmsg} executes run
 * at once. When the connection ends the app completes and the channel, having nothing left, hangs up.
 *
 * <p>Threading: {@link #start} on the engine thread; connection callbacks hop back onto it.
 */
public final class SocketApp implements App {
    private final EslServer server;

    /** A socket app that dials through {@code server}. */
    public SocketApp(EslServer server) {
        this.server = server;
    }

    @Override
    public void start(RunningApp run, CallControl calls) {
        String[] words = run.data.trim().split("\\s+");
        String target = words.length == 0 ? "" : words[0].split("\\|")[0];
        int slash = target.indexOf('/');
        if (slash >= 0) {
            run.channel.vars.set("socket_path", target.substring(slash + 1));
            target = target.substring(0, slash);
        }
        int colon = target.lastIndexOf(':');
        String host = colon < 0 ? target : target.substring(0, colon);
        int port = colon < 0 ? 8084 : Integer.parseInt(target.substring(colon + 1));
        boolean async = false;
        boolean full = false;
        for (String w : words) {
            async |= w.equals("async");
            full |= w.equals("full");
        }
        Channel ch = run.channel;
        ch.vars.set("socket_host", host);
        Runnable onConnect = () -> calls.engine().execute(() -> {
            if (!ch.hangingUp && ch.parkApp == null && ch.current == run) {
                ch.current = null;
                ch.parkApp = run;
                calls.events().fire("CHANNEL_PARK", ch);
            }
        });
        Runnable onEnd = () -> calls.engine().execute(() -> {
            if (ch.hangingUp || run.completed) {
                return;
            }
            if (ch.parkApp == run) {
                calls.apps().unpark(ch);
            } else {
                calls.apps().complete(run);
            }
            if (!ch.hangingUp && ch.current == null && ch.parkApp == null) {
                calls.hangup(ch, HangupCause.NORMAL_CLEARING);
            }
        });
        server.dialOutbound(host, port, new OutboundSession(ch.uuid, async, full, onConnect, onEnd));
    }
}
