package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Coroutine;
import io.switchio.spi.Session;
import io.switchio.testkit.FreeSwitchSimulator;
import io.switchio.testkit.SimChannel;
import io.switchio.testkit.junit.SimulatorTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the root README's "Embedding" example true: the same app and the same lines, run against
 * the simulator. If this test changes, change the README with it.
 */
@SimulatorTest(speed = 10)
class ReadmeExampleIT {

    /** README: the greeter coroutine. */
    public static class Greeter {
        @Coroutine("CHANNEL_PARK")
        public void onPark(Session sess) {
            if (!sess.isInbound()) return;
            sess.answer();                                   // returns once CHANNEL_ANSWER arrived
            sess.playback("tone_stream://%(500,0,800)");
            sess.recv("PLAYBACK_STOP", Duration.ofSeconds(5));
            sess.hangup();                                   // returns once CHANNEL_HANGUP arrived
        }
    }

    /** README: the outbound socket greeter. */
    public static class SocketGreeter {
        @Coroutine("CHANNEL_DATA")                       // the first event of a handed-over channel
        public void onConnect(Session sess) {
            sess.answer();
            sess.playback("tone_stream://%(500,0,800)");
            sess.recv("PLAYBACK_STOP", Duration.ofSeconds(5));
            sess.hangup();
        }
    }

    @Test
    void theReadmeOutboundExampleServesACallHandedOverByTheSocketApp(FreeSwitchSimulator fs) {
        try (Kernel observer = E2e.kernel(fs).build();
                Kernel kernel = Kernel.builder().outbound("127.0.0.1", 0).build()) {
            observer.start();
            kernel.loadApp(new SocketGreeter(), AppOptions.defaults());
            kernel.start();

            String uuid = fs.injectInboundCall("2000", Map.of());
            io.switchio.spi.Client ctl = observer.cluster().clients().get(0);
            E2e.await(() -> ctl.session(uuid).isPresent(), () -> "the call is parked");
            ctl.api("uuid_transfer " + uuid + " 'socket:127.0.0.1:" + kernel.outboundPort() + " async full' inline");
            E2e.await(() -> fs.channel(uuid).isEmpty(), () -> "call still up: " + fs.channel(uuid).map(SimChannel::callState));
            io.switchio.spi.Client out = kernel.outbound().orElseThrow();
            E2e.await(() -> out.sessions().isEmpty(), () -> "the outbound session ended");
            assertEquals(1L, out.counters().totalAnswered());
            E2e.await(() -> ctl.sessions().isEmpty(), () -> "the observer saw the channel end");
            assertEquals(Map.of("NORMAL_CLEARING", 1L), observer.cluster().counters().hangupCauses());
        }
    }

    @Test
    void theReadmeEmbeddingExampleServesACall(FreeSwitchSimulator fs) {
        // README lines, with the simulator's address instead of a real FreeSWITCH:
        try (Kernel kernel = Kernel.builder().host(fs.host(), fs.port()).password(fs.password()).build()) {
            kernel.loadApp(new Greeter(), AppOptions.defaults());
            kernel.start();

            String uuid = fs.injectInboundCall("2000", Map.of());
            E2e.await(() -> fs.channel(uuid).isEmpty(), () -> "call still up: " + fs.channel(uuid).map(SimChannel::callState));
            E2e.await(() -> kernel.cluster().counters().activeSessions() == 0, () -> "the kernel still tracks the leg");
            assertEquals(1, kernel.cluster().counters().totalAnswered());
            assertEquals(Map.of("NORMAL_CLEARING", 1L), kernel.cluster().counters().hangupCauses());
        }
    }
}
