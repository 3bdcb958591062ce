package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Client;
import io.switchio.spi.Event;
import io.switchio.spi.OriginateRequest;
import io.switchio.spi.Session;
import io.switchio.testkit.FreeSwitchSimulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code Kernel.Builder.compactHistory(true)} over TCP against the simulator: a call's history,
 * read back after the call, has every header of every event the app was handed, although the
 * older ones were rebuilt from deltas (new objects); the newest is the object itself.
 */
class CompactHistoryIT {

    private static final String SELF = "sofia/external/doggy@127.0.0.1:5080";

    /** Keeps every channel event it is handed, per session, and answers the callee when it parks. */
    public static final class Keeper {
        final Map<String, List<Event>> seen = new ConcurrentHashMap<>();

        @Callback({"CHANNEL_CREATE", "CHANNEL_ORIGINATE", "CHANNEL_PROGRESS", "CHANNEL_ANSWER", "CHANNEL_PARK",
            "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY"})
        public void on(Session s, Event e) {
            e.header("Channel-State"); // read a header, as apps do
            seen.computeIfAbsent(s.uuid(), k -> new CopyOnWriteArrayList<>()).add(e);
            if (e.name().equals("CHANNEL_PARK") && s.isInbound()) {
                s.answer(); // the self-call's callee, so the originate completes
            }
        }
    }

    @Test
    void aCompactedHistoryReadsBackEveryHeaderOfEveryEvent() throws Exception {
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel kernel = E2e.kernel(fs).compactHistory(true).build()) {
            kernel.start();
            Keeper app = new Keeper();
            kernel.loadApp(app, AppOptions.group("keep"));
            Client client = kernel.cluster().clients().get(0);
            String uuid = client.originate(OriginateRequest.to(SELF).build()).result(E2e.WAIT);
            Session session = client.session(uuid).orElseThrow();
            E2e.await(() -> app.seen.getOrDefault(uuid, List.of()).size() >= 2, () -> "events so far: " + app.seen.get(uuid));
            session.call().hangup();
            E2e.await(() -> app.seen.get(uuid).stream().anyMatch(e -> e.name().equals("CHANNEL_DESTROY")),
                    () -> "destroyed: " + app.seen.get(uuid));
            E2e.await(() -> kernel.liveSessionThreads() == 0, () -> "session threads ended");
            List<Event> handed = app.seen.get(uuid);
            List<Event> kept = session.events().stream()
                    .filter(e -> handed.stream().anyMatch(h -> sequence(h) == sequence(e))).toList();
            assertEquals(handed.size(), kept.size(), "every handed event is in the history");
            assertTrue(handed.size() >= 3, "a whole call: " + handed.size());
            for (int i = 0; i < handed.size(); i++) {
                assertEquals(handed.get(i).headers(), kept.get(i).headers(), handed.get(i).name());
            }
            assertNotSame(handed.get(0), kept.get(0), "the first event was kept as a delta and rebuilt");
            assertSame(session.lastEvent(), session.events().get(session.events().size() - 1), "the newest is kept whole");
        }
    }

    private static long sequence(Event e) {
        return Long.parseLong(e.header("Event-Sequence"));
    }
}
