package io.switchio.kernel.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchio.kernel.model.SessionModel;
import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.testing.HostHarness;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Event;
import io.switchio.spi.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With compaction on, a session's thread keeps the events before the ones it handled as deltas,
 * and what apps read back (history, latest values, a wait that finds an older event) is what
 * arrived; with it off (the default) every event stays whole.
 */
class HistoryCompactionTest {

    /** Reads a header of every event, as apps do, and records the names. */
    public static final class Reader {
        final LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();

        @Callback("CHANNEL_CALLSTATE")
        public void onState(Session s, Event e) {
            seen.add(e.header("Channel-Call-State"));
        }
    }

    private static EslEvent event(String name, String uuid, int seq, String state) {
        StringBuilder b = new StringBuilder("Event-Name: ").append(name).append("\nUnique-ID: ").append(uuid)
                .append("\nEvent-Sequence: ").append(seq).append("\nChannel-Call-State: ").append(state)
                .append("\nvariable_sip_h_X-switchio_app: r\n");
        for (int i = 0; i < 60; i++) {
            b.append("variable_v").append(i).append(": the%20same%20in%20every%20event\n");
        }
        String text = b.append('\n').toString();
        String frame = "Content-Length: " + text.getBytes(StandardCharsets.UTF_8).length + "\nContent-Type: text/event-plain\n\n" + text;
        return EslEvent.of(EslMessage.parse(frame.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void handledEventsAreKeptAsDeltasAndReadBackAsTheyArrived() throws Exception {
        HostHarness h = new HostHarness("variable_call_uuid", 64, true);
        Reader app = new Reader();
        h.client.loadApp(app, AppOptions.group("r"));
        List<Event> sent = new ArrayList<>();
        sent.add(event("CHANNEL_CREATE", "u1", 1, "DOWN"));
        String[] states = {"RINGING", "EARLY", "ACTIVE", "HELD", "ACTIVE"};
        for (int i = 0; i < states.length; i++) {
            sent.add(event("CHANNEL_CALLSTATE", "u1", i + 2, states[i]));
        }
        sent.forEach(h::dispatch);
        for (String state : states) {
            assertEquals(state, app.seen.poll(10, TimeUnit.SECONDS));
        }
        h.awaitNoSessionThreads();
        SessionModel session = h.models.session("u1");
        assertEquals(5, session.log().deltaCount(), "the one before each handled callstate; the newest stays whole");
        List<Event> history = session.events();
        for (int i = 0; i < sent.size(); i++) {
            assertEquals(sent.get(i).headers(), history.get(i).headers(), "event " + i);
        }
        assertEquals("ACTIVE", session.get("Channel-Call-State"));
        assertEquals(sent.get(1).headers(), session.log().await(Set.of("CHANNEL_CALLSTATE"), 0, 0, "u1").event().headers(),
                "a wait from the start finds the oldest callstate, rebuilt");
    }

    @Test
    void byDefaultEveryEventStaysWhole() throws Exception {
        HostHarness h = new HostHarness();
        Reader app = new Reader();
        h.client.loadApp(app, AppOptions.group("r"));
        h.dispatch(event("CHANNEL_CREATE", "u2", 1, "DOWN"), event("CHANNEL_CALLSTATE", "u2", 2, "RINGING"),
                event("CHANNEL_CALLSTATE", "u2", 3, "ACTIVE"));
        assertEquals("RINGING", app.seen.poll(10, TimeUnit.SECONDS));
        assertEquals("ACTIVE", app.seen.poll(10, TimeUnit.SECONDS));
        h.awaitNoSessionThreads();
        assertEquals(0, h.models.session("u2").log().deltaCount());
    }
}
