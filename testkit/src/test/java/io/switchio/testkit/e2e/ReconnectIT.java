package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Client;
import io.switchio.spi.Coroutine;
import io.switchio.spi.Session;
import io.switchio.spi.SessionEndedException;
import io.switchio.testkit.FreeSwitchSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reconnects: events still flow afterwards and sessions are resynchronised (switchio-reference §9.3, §11.4 #7). */
class ReconnectIT {

    /** Parks every inbound leg's coroutine in recv for a hangup. */
    public static final class Parked {
        final BlockingQueue<Object> ended = new LinkedBlockingQueue<>();

        @Coroutine("CHANNEL_PARK")
        public void onPark(Session sess) {
            try {
                ended.add(sess.recv("CHANNEL_HANGUP", Duration.ofSeconds(60)));
            } catch (RuntimeException e) {
                ended.add(e);
            }
        }
    }

    @Test
    void afterADroppedConnectionEventsStillFlowAndLiveCallsStayTracked() throws Exception {
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel kernel = E2e.kernel(fs).build()) {
            kernel.start();
            Parked app = new Parked();
            kernel.loadApp(app, AppOptions.defaults());
            Client client = kernel.cluster().clients().get(0);
            String first = fs.injectInboundCall("9999", Map.of());
            E2e.await(() -> kernel.liveSessionThreads() > 0, () -> "first call parked: " + client.sessions());
            fs.faults().dropConnections();
            E2e.await(() -> !client.isConnected(), () -> "the drop is noticed");
            E2e.await(client::isConnected, () -> "reconnected");
            String second = fs.injectInboundCall("9999", Map.of());
            E2e.await(() -> client.session(second).isPresent(), () -> "a call after the reconnect is tracked");
            assertTrue(client.session(first).isPresent(), "the live call survived the resync");
            assertTrue(client.cmd("status").length() > 0);
            client.sessions().forEach(Session::hangup);
            E2e.await(() -> client.sessions().isEmpty(), () -> client.sessions().size() + " sessions left");
            assertEquals(0, kernel.cluster().counters().activeCalls());
        }
    }

    @Test
    void sessionsThatVanishedDuringTheOutageEndForTheirApps() throws Exception {
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel kernel = E2e.kernel(fs).build()) {
            kernel.start();
            Parked app = new Parked();
            kernel.loadApp(app, AppOptions.defaults());
            Client client = kernel.cluster().clients().get(0);
            String gone = fs.injectInboundCall("9999", Map.of());
            E2e.await(() -> client.session(gone).isPresent() && kernel.liveSessionThreads() > 0, () -> "coroutine parked in recv: " + client.sessions() + " threads " + kernel.liveSessionThreads()
                        + " events " + client.sessions().stream().map(x -> x.events().stream().map(e -> e.name()).toList()).toList());
            fs.faults().restart();
            Object outcome = app.ended.poll(10, TimeUnit.SECONDS);
            assertInstanceOf(SessionEndedException.class, outcome, "the coroutine waiting on the vanished session ends");
            assertTrue(client.session(gone).isEmpty());
            E2e.await(client::isConnected, () -> "reconnected");
            String fresh = fs.injectInboundCall("9999", Map.of());
            E2e.await(() -> client.session(fresh).isPresent(), () -> "a new call is tracked");
            client.session(fresh).orElseThrow().hangup();
            E2e.await(() -> client.sessions().isEmpty(), () -> client.sessions().size() + " sessions left");
            E2e.await(() -> kernel.liveSessionThreads() == 0, () -> kernel.liveSessionThreads() + " session threads");
        }
    }
}
