package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Client;
import io.switchio.spi.Coroutine;
import io.switchio.spi.Event;
import io.switchio.spi.Session;
import io.switchio.testkit.FreeSwitchSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The seed page's examples as plain Java classes, run embedded in a few lines: a counter
 * callback, the Proxier coroutine that bridges and then waits in {@code recv("CHANNEL_ANSWER")},
 * and CDR-style measurer callbacks.
 */
class SeedExamplesIT {

    /** Counts new legs per direction. */
    public static final class Counter {
        final Map<String, AtomicInteger> legs = new ConcurrentHashMap<>();

        @Callback("CHANNEL_CREATE")
        public void onCreate(Session sess) {
            legs.computeIfAbsent(sess.direction().name(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /**
     * The original's Proxier as a coroutine: bridges an inbound caller to its own Request-URI
     * through its own profile ({@code bridge()} with no dial string), then waits for the answer.
     * The simulator routes that Request-URI back to itself as a new inbound leg (the callee), which
     * this app answers.
     */
    public static final class Proxier {
        final List<String> answered = new CopyOnWriteArrayList<>();

        @Coroutine("CHANNEL_PARK")
        public void onPark(Session sess) {
            if (sess.isInbound() && "caller".equals(sess.get("sip_h_X-Role"))) {
                sess.bridge(null, null, Map.of());
                Event answer = sess.recv("CHANNEL_ANSWER", Duration.ofSeconds(10));
                answered.add(answer.uniqueId());
            } else if (sess.isInbound()) {
                sess.answer();
            }
        }
    }

    /** CDR-style measurer: stamps the call's milestones into call vars and writes a row on hangup. */
    public static final class Cdr {
        final List<Map<String, Object>> rows = new CopyOnWriteArrayList<>();

        @Callback("CHANNEL_CREATE")
        public void created(Session sess) {
            sess.call().vars().putIfAbsent("created", sess.createdAt());
        }

        @Callback("CHANNEL_ANSWER")
        public void answered(Session sess) {
            sess.call().vars().putIfAbsent("answered", sess.answeredAt().orElseThrow());
        }

        @Callback("CHANNEL_HANGUP")
        public void hungUp(Session sess, Event e) {
            rows.add(Map.of("uuid", sess.uuid(), "app", sess.appId(), "cause", e.header("Hangup-Cause"),
                    "answered", sess.isAnswered()));
        }
    }

    @Test
    void theSeedExamplesRunEmbedded() {
        try (FreeSwitchSimulator fs = E2e.simulator()) {
            Counter counter = new Counter();
            Proxier proxier = new Proxier();
            Cdr cdr = new Cdr();
            try (Kernel kernel = Kernel.builder().host(fs.host(), fs.port()).password(fs.password()).build()) {
                kernel.start();
                kernel.loadApp(proxier, AppOptions.defaults());
                kernel.loadApp(counter, AppOptions.defaults());
                kernel.loadApp(cdr, AppOptions.defaults().asMeasurer());
                Client client = kernel.cluster().clients().get(0);
                assertEquals(List.of("Cdr", "Proxier", "Counter"), client.apps().get("default"));

                String caller = fs.injectInboundCall("9999", Map.of("sip_h_X-Role", "caller"));
                E2e.await(() -> proxier.answered.contains(caller), () -> "proxied call answered: " + proxier.answered);
                E2e.await(() -> client.sessions().size() == 3, () -> "three legs: " + client.sessions());
                assertEquals(2, counter.legs.get("INBOUND").get());
                assertEquals(1, counter.legs.get("OUTBOUND").get());
                // the coroutine's recv wakes on the event's arrival, possibly before Cdr's callback ran
                E2e.await(() -> client.session(caller).orElseThrow().call().vars().containsKey("answered"),
                        () -> "Cdr stamped the answer into the call vars");

                client.session(caller).orElseThrow().hangup();
                E2e.await(() -> client.sessions().isEmpty(), () -> client.sessions().size() + " legs left");
                E2e.await(() -> cdr.rows.size() == 3, () -> "cdr rows " + cdr.rows);
                assertEquals(3, kernel.cluster().counters().totalAnswered());
            }
        }
    }
}
