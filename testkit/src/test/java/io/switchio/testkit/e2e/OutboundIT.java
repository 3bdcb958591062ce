package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Client;
import io.switchio.spi.Session;
import io.switchio.testkit.FreeSwitchSimulator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Outbound socket mode end to end (esl-protocol §6): the simulator's dialplan {@code socket} app
 * dials the kernel's outbound server; the kernel performs {@code connect}, {@code myevents},
 * {@code linger} and hands the channel to the loaded app as a session.
 */
class OutboundIT {

    private static final String GROUP = "OutTone";

    /** A kernel with no apps, only to send the calls to the socket app over inbound ESL. */
    private static Kernel controller(FreeSwitchSimulator fs) {
        Kernel k = E2e.kernel(fs).build();
        k.start();
        return k;
    }

    private static String callToSocket(FreeSwitchSimulator fs, Client control, int port, String keywords, String group) {
        String uuid = fs.injectInboundCall("2000", group == null ? Map.of() : Map.of("sip_h_X-switchio_app", group));
        E2e.await(() -> control.session(uuid).isPresent(), () -> "the call " + uuid + " is parked");
        control.api("uuid_transfer " + uuid + " 'socket:127.0.0.1:" + port + " " + keywords + "' inline");
        return uuid;
    }

    private static Set<String> outboundThreads() {
        Set<String> names = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().contains("outbound")) {
                names.add(t.getName());
            }
        }
        return names;
    }

    @Test
    void anOutboundCallIsHandledByTheAppAndEndsCleanly() {
        OutboundTonePlay app = new OutboundTonePlay(true);
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel control = controller(fs)) {
            Client ctl = control.cluster().clients().get(0);
            Kernel kernel = Kernel.builder().outbound("127.0.0.1", 0).build();
            try {
                kernel.start();
                assertEquals(GROUP, kernel.loadApp(app, AppOptions.group(GROUP)));
                Client out = kernel.outbound().orElseThrow();
                String uuid = callToSocket(fs, ctl, kernel.outboundPort(), "async full", GROUP);
                E2e.await(() -> app.played.contains(uuid), () -> "the tone was played on " + uuid);
                Session s = app.sessions.get(uuid);
                E2e.await(() -> app.hungUp.contains(uuid), () -> "the app saw its CHANNEL_HANGUP");
                E2e.await(() -> fs.channel(uuid).isEmpty(), () -> "the channel is gone after the kernel's exit");
                E2e.await(() -> out.sessions().isEmpty(), () -> "the session ended: " + out.sessions());
                assertEquals("CHANNEL_HANGUP_COMPLETE", s.lastEvent().name(), "lingering, the last event is seen");
                assertEquals("CHANNEL_DATA", s.events().get(0).name());
                E2e.await(() -> kernel.liveSessionThreads() == 0, () -> "session threads ended");
                assertEquals(1L, out.counters().totalAnswered(), "one outbound session, answered");
                E2e.await(() -> ctl.session(uuid).isEmpty(), () -> "the inbound observer saw the channel end too");
            } finally {
                kernel.close();
            }
            E2e.await(() -> outboundThreads().isEmpty(), () -> "outbound threads left: " + outboundThreads());
        }
    }

    @Test
    void twoConcurrentOutboundCallsAreSeparateSessionsOnTheirOwnSockets() {
        OutboundTonePlay app = new OutboundTonePlay(false);
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel control = controller(fs);
                Kernel kernel = Kernel.builder().outbound("127.0.0.1", 0).build()) {
            Client ctl = control.cluster().clients().get(0);
            kernel.start();
            kernel.loadApp(app, AppOptions.group(GROUP));
            Client out = kernel.outbound().orElseThrow();
            String a = callToSocket(fs, ctl, kernel.outboundPort(), "async full", GROUP);
            String b = callToSocket(fs, ctl, kernel.outboundPort(), "async full", GROUP);
            E2e.await(() -> app.played.containsAll(List.of(a, b)), () -> "both tones played: " + app.played);
            assertEquals(2, out.sessions().size());
            for (String u : List.of(a, b)) {
                Session s = out.session(u).orElseThrow();
                assertEquals(GROUP, s.appId());
                assertTrue(s.isAnswered());
                assertEquals("outbound", s.host());
            }
            kernel.hupall();
            E2e.await(() -> out.sessions().isEmpty(), () -> "hupall ended both: " + out.sessions());
            E2e.await(() -> fs.channel(a).isEmpty() && fs.channel(b).isEmpty(), () -> "both channels are gone");
            E2e.await(() -> kernel.liveSessionThreads() == 0, () -> "session threads ended");
        }
    }

    @Test
    void withoutLingerTheSocketCloseEndsTheSession() {
        OutboundTonePlay app = new OutboundTonePlay(false);
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel control = controller(fs);
                Kernel kernel = Kernel.builder().outbound("127.0.0.1", 0, 0).build()) {
            Client ctl = control.cluster().clients().get(0);
            kernel.start();
            kernel.loadApp(app, AppOptions.defaults());
            Client out = kernel.outbound().orElseThrow();
            String uuid = callToSocket(fs, ctl, kernel.outboundPort(), "async full", null);
            E2e.await(() -> app.played.contains(uuid), () -> "the tone was played on " + uuid);
            Session s = app.sessions.get(uuid);
            assertEquals(AppOptions.DEFAULT_GROUP, s.appId());
            ctl.api("uuid_kill " + uuid);
            E2e.await(() -> out.sessions().isEmpty(), () -> "the socket close ended the session");
            assertEquals("outbound socket ended", s.lastEvent().header("switchio-Synthetic"));
            E2e.await(() -> fs.channel(uuid).isEmpty(), () -> "the channel is gone");
            assertFalse(out.isConnected(), "no socket is open any more");
        }
    }
}
