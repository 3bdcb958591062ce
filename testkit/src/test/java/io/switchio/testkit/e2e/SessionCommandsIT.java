package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.Kernel;
import io.switchio.spi.ApiException;
import io.switchio.spi.Client;
import io.switchio.spi.Event;
import io.switchio.spi.Session;
import io.switchio.testkit.FreeSwitchSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Session commands against the simulator, called from a plain (non-app) thread. */
class SessionCommandsIT {

    @Test
    void variablesAnswerPlaybackAndHangup() {
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel kernel = E2e.kernel(fs).build()) {
            kernel.start();
            Client client = kernel.cluster().clients().get(0);
            String uuid = fs.injectInboundCall("9999", Map.of("sip_h_X-Case", "cmds"));
            E2e.await(() -> client.session(uuid).isPresent(), () -> "session tracked");
            Session s = client.session(uuid).orElseThrow();
            assertTrue(s.isInbound());
            assertEquals("cmds", s.get("sip_h_X-Case"));

            assertNull(s.getvar("switchio_test"));
            s.setvar("switchio_test", "a b");
            assertEquals("a b", s.getvar("switchio_test"));
            s.setvars(Map.of("k1", "v1"));
            assertEquals("v1", s.getvar("k1"));
            s.unsetvar("switchio_test");
            assertNull(s.getvar("switchio_test"));

            Event answer = s.answer();
            assertEquals("CHANNEL_ANSWER", answer.name());
            assertTrue(s.isAnswered());

            long before = s.events().size();
            s.playback("tone_stream://%(200,0,440)");
            Event started = s.poll(Set.of("PLAYBACK_START", "CHANNEL_EXECUTE_COMPLETE"), Duration.ofSeconds(10));
            assertTrue(Set.of("PLAYBACK_START", "CHANNEL_EXECUTE_COMPLETE").contains(started.name()));
            assertTrue(s.events().size() > before);

            Event hangup = s.hangup("USER_BUSY");
            assertEquals("USER_BUSY", hangup.header("Hangup-Cause"));
            E2e.await(() -> client.session(uuid).isEmpty(), () -> "destroyed");
            assertEquals(1L, client.counters().hangupCauses().get("USER_BUSY"));
            assertThrows(ApiException.class, s::breakMedia, "the channel is gone: FreeSWITCH's -ERR is kept");
        }
    }
}
