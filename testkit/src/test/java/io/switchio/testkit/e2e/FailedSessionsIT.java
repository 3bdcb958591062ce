package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.Kernel;
import io.switchio.spi.Client;
import io.switchio.spi.Counters;
import io.switchio.testkit.FreeSwitchSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failed sessions are counted per hangup cause and their uuids kept, per host and cluster-wide. */
class FailedSessionsIT {

    @Test
    void anUnansweredLegIsAFailedSessionOfItsCause() {
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel kernel = E2e.kernel(fs).build()) {
            kernel.start();
            Client client = kernel.cluster().clients().get(0);
            String rejected = fs.injectInboundCall("2000", Map.of());
            String answered = fs.injectInboundCall("2001", Map.of());
            E2e.await(() -> client.session(rejected).isPresent() && client.session(answered).isPresent(), () -> "legs seen");

            client.api("uuid_kill " + rejected + " USER_BUSY");
            client.api("uuid_answer " + answered);
            E2e.await(() -> client.session(answered).map(s -> s.isAnswered()).orElse(false), () -> "answered");
            client.api("uuid_kill " + answered);
            E2e.await(() -> client.sessions().isEmpty(), () -> client.sessions().size() + " legs left");

            Counters cluster = kernel.cluster().counters();
            assertEquals(List.of(rejected), cluster.failedSessions("USER_BUSY"));
            assertEquals(List.of(), cluster.failedSessions("NORMAL_CLEARING"), "an answered leg cleared normally did not fail");
            assertEquals(1, cluster.failedSessions());
            assertEquals(Map.of("USER_BUSY", 1L, "NORMAL_CLEARING", 1L), cluster.hangupCauses());
            assertTrue(client.counters().failedSessions("NO_ANSWER").isEmpty());
        }
    }
}
