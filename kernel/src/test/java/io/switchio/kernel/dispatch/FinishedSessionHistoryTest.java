package io.switchio.kernel.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.testing.HostHarness;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Coroutine;
import io.switchio.spi.Event;
import io.switchio.spi.Session;
import io.switchio.spi.SessionEndedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A finished session keeps only its last event, and only once no app code of it can still read
 * its history: the destroy callback and a coroutine ending after the destroy both see it whole.
 */
class FinishedSessionHistoryTest {

    /** Reads the history from a coroutine after its recv ended, and from the destroy callback. */
    public static final class Reader {
        final LinkedBlockingQueue<List<String>> seen = new LinkedBlockingQueue<>();
        final CountDownLatch releaseCoroutine = new CountDownLatch(1);

        @Callback("CHANNEL_DESTROY")
        public void onDestroy(Session s) {
            seen.add(names(s));
        }

        @Coroutine("CHANNEL_PARK")
        public void onPark(Session s) throws InterruptedException {
            try {
                s.recv("CHANNEL_BRIDGE", Duration.ofSeconds(10));
            } catch (SessionEndedException ended) {
                releaseCoroutine.await(10, TimeUnit.SECONDS);
                seen.add(names(s));
            }
        }

        static List<String> names(Session s) {
            return s.events().stream().map(Event::name).toList();
        }
    }

    @Test
    void theDestroyCallbackAndALateCoroutineSeeTheWholeHistory_thenOnlyTheLastEventIsKept() throws Exception {
        HostHarness h = new HostHarness();
        Reader app = new Reader();
        h.client.loadApp(app, AppOptions.group("r"));
        h.create("u1", "r");
        h.event("CHANNEL_PARK", "u1");
        h.event("CHANNEL_ANSWER", "u1");
        Session session = h.client.session("u1").orElseThrow();
        h.event("CHANNEL_DESTROY", "u1", "Hangup-Cause", "NORMAL_CLEARING");
        List<String> whole = List.of("CHANNEL_CREATE", "CHANNEL_PARK", "CHANNEL_ANSWER", "CHANNEL_DESTROY");
        // the coroutine's recv ended and it now holds the session's turn, so the destroy callback waits
        Thread.sleep(50);
        assertEquals(whole, Reader.names(session), "nothing is trimmed while app code may still read it");
        app.releaseCoroutine.countDown();
        assertEquals(whole, app.seen.poll(10, TimeUnit.SECONDS), "the coroutine that outlived the destroy");
        assertEquals(whole, app.seen.poll(10, TimeUnit.SECONDS), "the destroy callback");
        h.awaitNoSessionThreads();
        assertEquals(List.of("CHANNEL_DESTROY"), Reader.names(session));
        assertEquals("NORMAL_CLEARING", session.get("Hangup-Cause"));
        assertEquals("CHANNEL_DESTROY", session.lastEvent().name());
    }

    @Test
    void aSessionNoAppHandlesIsTrimmedAsSoonAsItsDestroyIsRouted() {
        HostHarness h = new HostHarness();
        h.create("u2", "nobody");
        h.event("CHANNEL_ANSWER", "u2");
        Session session = h.client.session("u2").orElseThrow();
        assertEquals(2, session.events().size());
        h.event("CHANNEL_DESTROY", "u2", "Hangup-Cause", "USER_BUSY");
        assertEquals(List.of("CHANNEL_DESTROY"), Reader.names(session));
        assertTrue(session.isHungUp());
        assertEquals("USER_BUSY", session.get("Hangup-Cause"));
    }
}
