package io.switchio.kernel.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.testing.HostHarness;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Coroutine;
import io.switchio.spi.Event;
import io.switchio.spi.Session;
import io.switchio.spi.SessionEndedException;
import io.switchio.spi.SwitchioTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-session threading contract of the SPI (package-info, Callback, Coroutine). */
class SessionThreadingTest {

    /** Records the events each session's callbacks saw and whether two ever overlapped. */
    public static final class Recorder {
        final Map<String, List<String>> seen = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger total = new AtomicInteger();
        volatile CountDownLatch blockSession1 = new CountDownLatch(0);

        @Callback("CUSTOM_SEQ")
        public void onSeq(Session s, Event e) throws InterruptedException {
            AtomicInteger n = inFlight.computeIfAbsent(s.uuid(), k -> new AtomicInteger());
            if (n.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            if (s.uuid().equals("s1")) {
                blockSession1.await();
            }
            seen.computeIfAbsent(s.uuid(), k -> new ArrayList<>()).add(e.header("Seq"));
            n.decrementAndGet();
            total.incrementAndGet();
        }
    }

    @Test
    void eachSessionSeesItsEventsInOrderWithoutOverlapAndABlockedSessionDoesNotStopOthers() throws Exception {
        HostHarness h = new HostHarness();
        Recorder app = new Recorder();
        h.client.loadApp(app, AppOptions.group("rec"));
        app.blockSession1 = new CountDownLatch(1);
        int sessions = 40;
        int perSession = 100;
        for (int s = 0; s < sessions; s++) {
            h.create("s" + s, "rec");
        }
        for (int i = 0; i < perSession; i++) {
            for (int s = 0; s < sessions; s++) {
                h.event("CUSTOM_SEQ", "s" + s, "Seq", Integer.toString(i));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (app.total.get() < (sessions - 1) * perSession && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals((sessions - 1) * perSession, app.total.get(), "all sessions but the blocked one were served");
        app.blockSession1.countDown();
        while (app.total.get() < sessions * perSession && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, app.overlaps.get());
        for (int s = 0; s < sessions; s++) {
            List<String> seen = app.seen.get("s" + s);
            assertEquals(perSession, seen.size());
            for (int i = 0; i < perSession; i++) {
                assertEquals(Integer.toString(i), seen.get(i), "order of session s" + s);
            }
        }
        for (int s = 0; s < sessions; s++) {
            h.event("CHANNEL_DESTROY", "s" + s, "Hangup-Cause", "NORMAL_CLEARING");
        }
        h.awaitNoSessionThreads();
        assertEquals(0, h.client.counters().activeSessions());
    }

    /** A coroutine that waits for the answer, and a callback that counts what came meanwhile. */
    public static final class Waiter {
        final BlockingQueue<Object> results = new LinkedBlockingQueue<>();
        final AtomicInteger callbacksWhileWaiting = new AtomicInteger();
        final Duration timeout;

        Waiter(Duration timeout) {
            this.timeout = timeout;
        }

        @Coroutine("CHANNEL_PARK")
        public void onPark(Session s) {
            try {
                results.add(s.recv("CHANNEL_ANSWER", timeout));
                results.add(s.recv("CHANNEL_BRIDGE", timeout));
            } catch (RuntimeException e) {
                results.add(e);
            }
        }

        @Callback("CHANNEL_CALLSTATE")
        public void onState(Session s) {
            callbacksWhileWaiting.incrementAndGet();
        }
    }

    @Test
    void aBlockedCoroutineLetsCallbacksRunAndWakesOnItsEvent_thenEndsOnDestroy() throws Exception {
        HostHarness h = new HostHarness();
        Waiter app = new Waiter(Duration.ofSeconds(10));
        h.client.loadApp(app, AppOptions.group("w"));
        assertTrue(h.subscriptions.current().contains("CHANNEL_PARK"));
        h.create("u1", "w");
        h.event("CHANNEL_PARK", "u1");
        h.event("CHANNEL_CALLSTATE", "u1");
        h.event("CHANNEL_CALLSTATE", "u1");
        h.event("CHANNEL_ANSWER", "u1");
        Object first = app.results.poll(10, TimeUnit.SECONDS);
        assertInstanceOf(Event.class, first);
        assertEquals("CHANNEL_ANSWER", ((Event) first).name());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!h.subscriptions.current().contains("CHANNEL_BRIDGE") && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(h.subscriptions.current().contains("CHANNEL_BRIDGE"), "recv subscribed the event nobody had");
        // the coroutine is now parked in recv("CHANNEL_BRIDGE"): both callbacks still get their turn
        while (app.callbacksWhileWaiting.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(2, app.callbacksWhileWaiting.get(), "callbacks ran while the coroutine was blocked");
        assertTrue(app.results.isEmpty(), "the coroutine is still waiting");
        h.event("CHANNEL_DESTROY", "u1", "Hangup-Cause", "NORMAL_CLEARING");
        Object second = app.results.poll(10, TimeUnit.SECONDS);
        assertInstanceOf(SessionEndedException.class, second);
        h.awaitNoSessionThreads();
    }

    @Test
    void anEventThatArrivedBeforeRecvIsNotMissed() throws Exception {
        HostHarness h = new HostHarness();
        Waiter app = new Waiter(Duration.ofSeconds(10));
        h.client.loadApp(app, AppOptions.group("w"));
        h.create("u1", "w");
        h.event("CHANNEL_PARK", "u1");
        h.event("CHANNEL_ANSWER", "u1");
        h.event("CHANNEL_BRIDGE", "u1");
        assertEquals("CHANNEL_ANSWER", ((Event) app.results.poll(10, TimeUnit.SECONDS)).name());
        assertEquals("CHANNEL_BRIDGE", ((Event) app.results.poll(10, TimeUnit.SECONDS)).name());
        h.event("CHANNEL_DESTROY", "u1");
        h.awaitNoSessionThreads();
    }

    @Test
    void recvTimesOut() throws Exception {
        HostHarness h = new HostHarness();
        Waiter app = new Waiter(Duration.ofMillis(100));
        h.client.loadApp(app, AppOptions.group("w"));
        h.create("u1", "w");
        h.event("CHANNEL_PARK", "u1");
        assertInstanceOf(SwitchioTimeoutException.class, app.results.poll(10, TimeUnit.SECONDS));
        h.event("CHANNEL_DESTROY", "u1");
        h.awaitNoSessionThreads();
    }

    /** A coroutine that works a little before its first wait, and a callback on the next event. */
    public static final class RunsToFirstWait {
        final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Coroutine("CHANNEL_PARK")
        public void onPark(Session s) throws InterruptedException {
            order.add("coroutine starts");
            Thread.sleep(30); // work that does not give up the turn
            order.add("coroutine waits");
            s.recv("CHANNEL_HANGUP", Duration.ofSeconds(10));
            order.add("coroutine woke");
        }

        @Callback("CHANNEL_CALLSTATE")
        public void onState(Session s) {
            order.add("callback");
        }
    }

    @Test
    void aCoroutineRunsToItsFirstWaitBeforeTheNextEventsAppCode() throws Exception {
        HostHarness h = new HostHarness();
        RunsToFirstWait app = new RunsToFirstWait();
        h.client.loadApp(app, AppOptions.defaults());
        h.create("u1", "default");
        h.event("CHANNEL_PARK", "u1");
        h.event("CHANNEL_CALLSTATE", "u1");
        h.event("CHANNEL_HANGUP", "u1");
        h.event("CHANNEL_DESTROY", "u1");
        h.awaitNoSessionThreads();
        assertEquals(4, app.order.size(), app.order.toString());
        assertEquals(List.of("coroutine starts", "coroutine waits"), app.order.subList(0, 2),
                "the next event's callback waited for the coroutine's first wait: " + app.order);
        // the coroutine may wake before or after that callback: recv is served from the session's
        // log, which is ahead of the mailbox by design
        assertTrue(app.order.containsAll(List.of("callback", "coroutine woke")));
    }

    /** Polls for whichever of two events comes first, twice. */
    public static final class Poller {
        final BlockingQueue<Object> results = new LinkedBlockingQueue<>();

        @Coroutine("CHANNEL_PARK")
        public void onPark(Session s) {
            try {
                results.add(s.poll(java.util.Set.of("DTMF", "CHANNEL_HANGUP"), Duration.ofSeconds(10)).name());
                results.add(s.poll(java.util.Set.of("DTMF", "CHANNEL_HANGUP"), Duration.ofSeconds(10)).name());
                s.poll(java.util.Set.of(), Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                results.add(e);
            }
        }
    }

    @Test
    void pollReturnsWhicheverEventComesFirstInOrder() throws Exception {
        HostHarness h = new HostHarness();
        Poller app = new Poller();
        h.client.loadApp(app, AppOptions.defaults());
        h.create("u1", "default");
        h.event("CHANNEL_PARK", "u1");
        h.event("DTMF", "u1", "DTMF-Digit", "1");
        h.event("CHANNEL_HANGUP", "u1");
        assertEquals("DTMF", app.results.poll(10, TimeUnit.SECONDS));
        assertEquals("CHANNEL_HANGUP", app.results.poll(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, app.results.poll(10, TimeUnit.SECONDS));
        h.event("CHANNEL_DESTROY", "u1");
        h.awaitNoSessionThreads();
    }

    /** Two callbacks in one chain; the first throws. */
    public static final class Failing {
        final AtomicInteger after = new AtomicInteger();

        @Callback("CHANNEL_PARK")
        public void a(Session s) {
            throw new IllegalStateException("boom");
        }

        @Callback("CHANNEL_PARK")
        public void b(Session s) {
            after.incrementAndGet();
        }
    }

    /** Another app of the same group. */
    public static final class Second {
        final AtomicInteger parks = new AtomicInteger();

        @Callback("CHANNEL_PARK")
        public void c() {
            parks.incrementAndGet();
        }
    }

    @Test
    void anExceptionInOneCallbackStopsNeitherTheChainNorOtherAppsNorLaterEvents() throws Exception {
        HostHarness h = new HostHarness();
        Failing failing = new Failing();
        Second second = new Second();
        h.client.loadApp(failing, AppOptions.group("g"));
        h.client.loadApp(second, AppOptions.group("g"));
        h.create("u1", "g");
        h.event("CHANNEL_PARK", "u1");
        h.event("CHANNEL_PARK", "u1");
        h.event("CHANNEL_DESTROY", "u1");
        h.awaitNoSessionThreads();
        assertEquals(2, failing.after.get());
        assertEquals(2, second.parks.get());
    }
}
