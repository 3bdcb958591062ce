package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Call;
import io.switchio.spi.Client;
import io.switchio.spi.Job;
import io.switchio.spi.OriginateRequest;
import io.switchio.testkit.FreeSwitchSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Tracking under load (switchio-reference §9.2 test_track_cps, test_track_1kcapacity) with the
 * per-session ordering contract checked on every event.
 */
class LoadIT {

    private static final String SELF = "sofia/external/load@127.0.0.1:5080";

    private static void originate(Client client, int calls, int cps, List<Job> jobs) {
        long interval = 1_000_000_000L / cps;
        long next = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            jobs.add(client.originate(OriginateRequest.to(SELF).build()));
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private static void check(Kernel kernel, Client client, List<Job> jobs, int calls, OrderRecorder order) {
        for (Job job : jobs) {
            job.result(E2e.WAIT);
        }
        E2e.await(() -> client.calls().size() == calls && client.calls().stream().allMatch(c -> c.legs().size() == 2),
                () -> client.calls().size() + " calls, " + client.sessions().size() + " sessions");
        for (Call call : client.calls()) {
            assertTrue(call.first().isOutbound(), "the originated leg comes first: " + call);
        }
        assertEquals(calls, kernel.cluster().counters().sessionsPerApp().get("load") / 2);
        kernel.hupall();
        E2e.await(() -> client.sessions().isEmpty() && client.calls().isEmpty(),
                () -> client.sessions().size() + " sessions left");
        E2e.await(() -> kernel.liveSessionThreads() == 0, () -> kernel.liveSessionThreads() + " session threads");
        assertEquals(0, order.outOfOrder.get(), "events out of order");
        assertEquals(0, order.overlaps.get(), "overlapping callbacks of one session");
        assertEquals(0, kernel.cluster().counters().pendingJobs());
    }

    /** Originates {@code calls} self-calls at {@code cps} through TonePlay, checks them all, and returns the recorder. */
    private static OrderRecorder loadRun(int calls, int cps) {
        try (FreeSwitchSimulator fs = E2e.simulator();
                Kernel kernel = E2e.kernel(fs).trackingHeader("variable_sip_h_X-switchio_originating_session").build()) {
            kernel.start();
            OrderRecorder order = new OrderRecorder();
            kernel.loadApp(order, AppOptions.group("load").asMeasurer());
            kernel.loadApp(new TonePlay(), AppOptions.group("load"));
            Client client = kernel.cluster().clients().get(0);
            List<Job> jobs = new ArrayList<>();
            originate(client, calls, cps, jobs);
            check(kernel, client, jobs, calls, order);
            return order;
        }
    }

    @Test
    void hundredCallsAtHundredCpsAreAllTracked() {
        loadRun(100, 100);
    }

    @Test
    void thousandConcurrentCallsAreTrackedAndEachSessionSeesItsEventsInOrder() {
        OrderRecorder order = loadRun(1000, 1000);
        assertTrue(order.events.get() > 10_000, order.events.get() + " events checked");
        assertTrue(order.parallelProven, "other sessions progressed while one session's callback was blocked");
    }
}
