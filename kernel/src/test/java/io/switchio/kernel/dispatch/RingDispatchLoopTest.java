package io.switchio.kernel.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.ring.EventRing;
import io.switchio.kernel.ring.RingItem;
import io.switchio.kernel.testing.HostHarness;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Event;
import io.switchio.spi.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The dispatcher thread's loop over a real ring of real (wire-decoded) events. */
class RingDispatchLoopTest {

    /** Records each session's sequence numbers. */
    public static final class Recorder {
        final Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        final CountDownLatch done;

        Recorder(int expected) {
            done = new CountDownLatch(expected);
        }

        @Callback("CHANNEL_CALLSTATE")
        public void on(Session s, Event e) {
            seen.computeIfAbsent(s.uuid(), k -> new CopyOnWriteArrayList<>()).add(Long.parseLong(e.header("Event-Sequence")));
            done.countDown();
        }
    }

    private static RingItem event(String name, String uuid, long seq) {
        String body = "Event-Name: " + name + "\nUnique-ID: " + uuid + "\nEvent-Sequence: " + seq
                + "\nCall-Direction: inbound\nvariable_sip_h_X-switchio_app: rec\n\n";
        String frame = "Content-Length: " + body.length() + "\nContent-Type: text/event-plain\n\n" + body;
        return new RingItem.EventReceived("fs1", EslEvent.of(EslMessage.parse(frame.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void largeBatchesKeepEveryEventOfEverySessionInOrder() throws Exception {
        HostHarness h = new HostHarness();
        int sessions = 50;
        int perSession = 200;
        Recorder app = new Recorder(sessions * perSession);
        h.client.loadApp(app, AppOptions.group("rec"));
        EventRing ring = new EventRing(1 << 15);
        List<String> up = new CopyOnWriteArrayList<>();
        RingDispatchLoop loop = new RingDispatchLoop("fs1", ring, h.dispatcher, new RingDispatchLoop.ConnectionListener() {
            @Override
            public void up(boolean reconnected) {
                up.add("up " + reconnected);
            }

            @Override
            public void down(String reason) {
                up.add("down " + reason);
            }
        }, h.threads);
        long seq = 0;
        List<RingItem> items = new ArrayList<>();
        items.add(new RingItem.ConnectionUp("fs1", false));
        for (int s = 0; s < sessions; s++) {
            items.add(event("CHANNEL_CREATE", "s" + s, ++seq));
        }
        for (int i = 0; i < perSession; i++) {
            for (int s = 0; s < sessions; s++) {
                items.add(event("CHANNEL_CALLSTATE", "s" + s, ++seq));
            }
        }
        for (RingItem item : items) {
            assertTrue(ring.tryOffer(item));
        }
        loop.start();
        assertTrue(app.done.await(10, TimeUnit.SECONDS), app.done.getCount() + " callbacks missing");
        loop.stop(5_000);
        assertEquals(List.of("up false"), up);
        for (int s = 0; s < sessions; s++) {
            List<Long> got = app.seen.get("s" + s);
            assertEquals(perSession, got.size());
            for (int i = 1; i < got.size(); i++) {
                assertTrue(got.get(i - 1) < got.get(i), "session s" + s + " out of order: " + got);
            }
        }
    }
}
