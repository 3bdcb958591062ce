package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Client;
import io.switchio.spi.Coroutine;
import io.switchio.spi.Event;
import io.switchio.spi.OriginateRequest;
import io.switchio.spi.Session;
import io.switchio.spi.SessionEndedException;
import io.switchio.spi.SwitchioTimeoutException;
import io.switchio.testkit.FreeSwitchSimulator;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Blocking coroutines on virtual threads (switchio-reference §9.2 test_coroutines, test_cb_err). */
class CoroutineIT {

    private static final String SELF = "sofia/external/doggy@127.0.0.1:5080";

    /** Answers the inbound leg, then waits for a bridge that never comes. */
    public static final class WaitsForBridge {
        final BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();

        @Coroutine("CHANNEL_CREATE")
        public void onCreate(Session sess) {
            if (!sess.isInbound()) {
                return;
            }
            try {
                outcome.add(sess.answer());
                sess.vars().put("answered", true);
                outcome.add(sess.recv("CHANNEL_BRIDGE", Duration.ofSeconds(30)));
            } catch (RuntimeException e) {
                outcome.add(e);
            }
        }
    }

    @Test
    void aCoroutineBlockedInRecvEndsWhenTheSessionIsHungUp() throws Exception {
        try (FreeSwitchSimulator fs = E2e.simulator();
                Kernel kernel = E2e.kernel(fs).trackingHeader("variable_sip_h_X-switchio_originating_session").build()) {
            kernel.start();
            WaitsForBridge app = new WaitsForBridge();
            kernel.loadApp(app, AppOptions.group("coro"));
            Client client = kernel.cluster().clients().get(0);
            String uuid = client.originate(OriginateRequest.to(SELF).build()).result(E2e.WAIT);
            Event answered = (Event) app.outcome.poll(10, TimeUnit.SECONDS);
            assertEquals("CHANNEL_ANSWER", answered.name());
            Session callee = client.session(uuid).orElseThrow().call().last().orElseThrow();
            assertEquals(true, client.waitFor(callee, "answered", Duration.ofSeconds(10)));
            assertTrue(kernel.liveSessionThreads() >= 1, "the coroutine is parked in recv");
            client.session(uuid).orElseThrow().hangup();
            assertInstanceOf(SessionEndedException.class, app.outcome.poll(10, TimeUnit.SECONDS));
            E2e.await(() -> client.calls().isEmpty(), () -> "calls " + client.calls());
            E2e.await(() -> kernel.liveSessionThreads() == 0, () -> kernel.liveSessionThreads() + " session threads");
        }
    }

    /** Answers, then waits one second for a hangup that does not come. */
    public static final class TimesOut {
        final BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();

        @Coroutine("CHANNEL_PARK")
        public void onPark(Session sess) {
            if (!sess.isInbound()) {
                return;
            }
            try {
                sess.answer();
                sess.vars().put("answered", true);
                outcome.add(sess.recv("CHANNEL_HANGUP", Duration.ofSeconds(1)));
            } catch (RuntimeException e) {
                outcome.add(e);
            }
        }
    }

    @Test
    void aCoroutineTimesOutAndWaitForSeesItsVar() throws Exception {
        try (FreeSwitchSimulator fs = E2e.simulator();
                Kernel kernel = E2e.kernel(fs).trackingHeader("variable_sip_h_X-switchio_originating_session").build()) {
            kernel.start();
            TimesOut app = new TimesOut();
            kernel.loadApp(app, AppOptions.group("coro"));
            Client client = kernel.cluster().clients().get(0);
            String uuid = client.originate(OriginateRequest.to(SELF).build()).result(E2e.WAIT);
            Session caller = client.session(uuid).orElseThrow();
            E2e.await(() -> caller.call().last().isPresent(), () -> "second leg");
            Session callee = caller.call().last().orElseThrow();
            assertEquals(true, client.waitFor(callee, "answered", Duration.ofSeconds(10)));
            assertInstanceOf(SwitchioTimeoutException.class, app.outcome.poll(10, TimeUnit.SECONDS));
            caller.hangup();
            E2e.await(() -> client.calls().isEmpty(), () -> "calls " + client.calls());
        }
    }

    @Test
    void closingTheKernelEndsParkedCoroutines() throws Exception {
        try (FreeSwitchSimulator fs = E2e.simulator()) {
            Kernel kernel = E2e.kernel(fs).build();
            kernel.start();
            WaitsForBridge app = new WaitsForBridge();
            kernel.loadApp(app, AppOptions.defaults());
            fs.injectInboundCall("9999", java.util.Map.of());
            assertEquals("CHANNEL_ANSWER", ((Event) app.outcome.poll(10, TimeUnit.SECONDS)).name());
            assertTrue(kernel.liveSessionThreads() >= 1);
            kernel.close();
            assertInstanceOf(SessionEndedException.class, app.outcome.poll(10, TimeUnit.SECONDS));
            E2e.await(() -> kernel.liveSessionThreads() == 0, () -> kernel.liveSessionThreads() + " session threads after close");
        }
    }

    /** Waits for a DTMF, an event no app subscribed to. */
    public static final class WaitsForDtmf {
        final BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();

        @Coroutine("CHANNEL_PARK")
        public void onPark(Session sess) {
            try {
                outcome.add(sess.recv("DTMF", Duration.ofSeconds(10)).header("DTMF-Digit"));
            } catch (RuntimeException e) {
                outcome.add(e);
            }
        }
    }

    @Test
    void recvSubscribesAnEventNobodySubscribedTo() throws Exception {
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel kernel = E2e.kernel(fs).build()) {
            kernel.start();
            WaitsForDtmf app = new WaitsForDtmf();
            kernel.loadApp(app, AppOptions.defaults());
            Client client = kernel.cluster().clients().get(0);
            String uuid = fs.injectInboundCall("9999", java.util.Map.of());
            E2e.await(() -> client.session(uuid).map(Session::isAnswered).orElse(false) || kernel.liveSessionThreads() > 0,
                    () -> "coroutine started");
            Object digit = null;
            for (int attempt = 0; attempt < 100 && digit == null; attempt++) {
                client.api("uuid_recv_dtmf " + uuid + " 7");
                digit = app.outcome.poll(100, TimeUnit.MILLISECONDS);
            }
            assertEquals("7", digit, "recv woke up on a DTMF after subscribing it on demand");
            client.session(uuid).orElseThrow().hangup();
            E2e.await(() -> client.sessions().isEmpty(), () -> "hung up");
        }
    }

    /** A chain whose first callback throws. */
    public static final class Throws {
        @Callback("CHANNEL_PARK")
        public void boom(Session sess) {
            throw new IllegalStateException("deliberate failure in a callback");
        }
    }

    /** Counts parks; loaded after {@link Throws} in the same group. */
    public static final class Counts {
        final AtomicInteger parks = new AtomicInteger();

        @Callback("CHANNEL_PARK")
        public void park(Session sess) {
            parks.incrementAndGet();
        }
    }

    @Test
    void aFailingCallbackDoesNotStopTheChain() {
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel kernel = E2e.kernel(fs).build()) {
            kernel.start();
            Counts counts = new Counts();
            kernel.loadApp(new Throws(), AppOptions.defaults());
            kernel.loadApp(counts, AppOptions.defaults());
            for (int i = 0; i < 3; i++) {
                fs.injectInboundCall("9999", java.util.Map.of());
            }
            E2e.await(() -> counts.parks.get() == 3, () -> counts.parks.get() + " parks counted");
            kernel.hupall();
            Client client = kernel.cluster().clients().get(0);
            E2e.await(() -> client.sessions().isEmpty(), () -> "sessions " + client.sessions());
        }
    }
}
