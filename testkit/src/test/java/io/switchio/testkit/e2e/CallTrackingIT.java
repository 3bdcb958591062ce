package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Call;
import io.switchio.spi.Client;
import io.switchio.spi.Job;
import io.switchio.spi.OriginateRequest;
import io.switchio.spi.Session;
import io.switchio.testkit.FreeSwitchSimulator;
import org.junit.jupiter.api.Test;

/** Self calls through the simulator's external profile (switchio-reference §9.2 test_sync_call). */
class CallTrackingIT {

    private static final String SELF = "sofia/external/doggy@127.0.0.1:5080";

    @Test
    void aTonePlaySelfCallIsOneCallWithTwoLegs() {
        try (FreeSwitchSimulator fs = E2e.simulator();
                Kernel kernel = E2e.kernel(fs).trackingHeader("variable_sip_h_X-switchio_originating_session").build()) {
            kernel.start();
            assertEquals("TonePlay", kernel.loadApp(new TonePlay(), AppOptions.group("TonePlay")));
            Client client = kernel.cluster().clients().get(0);
            Job job = client.originate(OriginateRequest.to(SELF).build());
            String uuid = job.result(E2e.WAIT);
            assertEquals(job.sessionUuid().orElseThrow(), uuid);
            Session outbound = client.session(uuid).orElseThrow();
            assertTrue(outbound.isOutbound());
            assertEquals("TonePlay", outbound.appId());
            E2e.await(() -> outbound.call().legs().size() == 2, () -> "legs " + outbound.call().legs());
            Call call = outbound.call();
            assertSame(outbound, call.first());
            Session inbound = call.last().orElseThrow();
            assertTrue(inbound.isInbound());
            assertEquals("TonePlay", inbound.appId());
            E2e.await(inbound::isAnswered, () -> "inbound answered by TonePlay");
            assertEquals(1, client.calls().size());
            assertSame(job, outbound.job().orElseThrow());
            call.hangup();
            E2e.await(() -> client.calls().isEmpty() && client.sessions().isEmpty(), () -> "calls " + client.calls());
            assertEquals(0, kernel.cluster().counters().pendingJobs());
            E2e.await(() -> kernel.liveSessionThreads() == 0, () -> kernel.liveSessionThreads() + " session threads");
        }
    }

    @Test
    void anAlternativeTrackingHeaderKeysTheCall() {
        try (FreeSwitchSimulator fs = E2e.simulator();
                Kernel kernel = E2e.kernel(fs).trackingHeader("Caller-Destination-Number").build()) {
            kernel.start();
            kernel.loadApp(new TonePlay(), AppOptions.group("TonePlay"));
            Client client = kernel.cluster().clients().get(0);
            String uuid = client.originate(OriginateRequest.to(SELF).build()).result(E2e.WAIT);
            Session outbound = client.session(uuid).orElseThrow();
            E2e.await(() -> outbound.call().legs().size() == 2, () -> "legs " + outbound.call().legs());
            assertEquals("doggy", outbound.call().key());
            assertSame(outbound, outbound.call().first());
            outbound.call().hangup();
            E2e.await(() -> client.calls().isEmpty(), () -> "calls " + client.calls());
        }
    }

    @Test
    void anUntrackedCallIsTwoCalls() {
        try (FreeSwitchSimulator fs = E2e.simulator();
                Kernel kernel = E2e.kernel(fs).trackingHeader("variable_doggy").build()) {
            kernel.start();
            kernel.loadApp(new TonePlay(), AppOptions.group("TonePlay"));
            Client client = kernel.cluster().clients().get(0);
            String uuid = client.originate(OriginateRequest.to(SELF).build()).result(E2e.WAIT);
            E2e.await(() -> client.sessions().size() == 2, () -> "sessions " + client.sessions());
            assertEquals(2, client.calls().size());
            client.session(uuid).orElseThrow().hangup();
            E2e.await(() -> client.calls().isEmpty() && client.sessions().isEmpty(), () -> "calls " + client.calls());
        }
    }
}
