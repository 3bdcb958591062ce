package io.switchio.kernel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.testing.HostHarness;
import io.switchio.spi.Event;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading {@code show channels as json} and reconciling sessions after a reconnect. */
class ChannelResyncTest {

    @Test
    void parsesRowsAndTheEmptyAnswer() {
        String json = "{\"row_count\":2,\"rows\":[{\"uuid\":\"a\",\"direction\":\"inbound\",\"name\":\"sofia/x\\\"y\",\"created_epoch\":\"1\"},"
                + "{\"uuid\":\"b\",\"direction\":\"outbound\",\"call_uuid\":\"a\",\"n\":12,\"t\":true,\"z\":null}]}";
        List<Map<String, String>> rows = ShowChannelsJson.rows(json);
        assertEquals(2, rows.size());
        assertEquals("sofia/x\"y", rows.get(0).get("name"));
        assertEquals("12", rows.get(1).get("n"));
        assertEquals("", rows.get(1).get("z"));
        assertEquals(List.of(), ShowChannelsJson.rows("{\"row_count\":0}\n"));
        assertThrows(IllegalArgumentException.class, () -> ShowChannelsJson.rows("-ERR no reply"));
    }

    @Test
    void vanishedSessionsEndAndNewChannelsAppear() {
        HostHarness h = new HostHarness();
        h.event("CHANNEL_CREATE", "gone");
        h.event("CHANNEL_CREATE", "kept");
        h.event("CHANNEL_CREATE", "late");
        h.event("CHANNEL_CREATE", "dead");
        h.event("CHANNEL_DESTROY", "dead");
        List<Map<String, String>> rows = List.of(Map.of("uuid", "kept"), Map.of("uuid", "new", "direction", "inbound", "call_uuid", "new"),
                Map.of("uuid", "dead"));
        List<Event> events = ChannelResync.reconcile(h.models, Set.of("gone", "kept"), rows);
        assertEquals(List.of("CHANNEL_DESTROY gone", "CHANNEL_CREATE new"), events.stream().map(e -> e.name() + " " + e.uniqueId()).toList());
        events.forEach(h.dispatcher::dispatch);
        assertTrue(h.client.session("gone").isEmpty());
        assertTrue(h.client.session("late").isPresent(), "created after the query: not a vanish candidate");
        assertTrue(h.client.session("new").orElseThrow().isInbound());
        assertTrue(h.client.session("dead").isEmpty(), "a stale row does not revive a destroyed session");
    }
}
