package io.switchio.kernel.protocol;

import static io.switchio.kernel.protocol.Frames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RoutingHeadersTest {

    @Test
    void findsWhatTheFullIndexFindsOnRandomBlocks() {
        Random r = new Random(5);
        String[] lines = {"Event-Name: CHANNEL_%41NSWER", "Event-Name:CUSTOM", "Unique-ID: abc%2Ddef", "Unique-ID:  second",
            "Event-Sequence: 42", "Event-Sequence: _undef_", "Event-Sequence:", "Other: x", "continuation", "Unique-ID",
            "unique-id: lower", "Event-Name-Not: y", "\r"};
        for (int round = 0; round < 20000; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = r.nextInt(40); i > 0; i--) {
                s.append(lines[r.nextInt(lines.length)]).append(r.nextInt(8) == 0 ? "\r\n" : "\n");
            }
            byte[] b = bytes(s.toString());
            RoutingHeaders routing = RoutingHeaders.scan(b, 0, b.length);
            if (routing == null) {
                continue; // irregular next to a routing header: the full index decides
            }
            HeaderBlock full = HeaderBlock.parseLenient(b, 0, b.length);
            check(full, "Event-Name", routing.eventName);
            check(full, "Unique-ID", routing.uniqueId);
            check(full, "Event-Sequence", routing.sequence);
        }
    }

    private static void check(HeaderBlock full, String name, String found) {
        if (found != null) {
            int i = full.indexOf(name);
            assertEquals(found, i < 0 ? null : full.value(i), name);
        }
    }

    @Test
    void aContinuedRoutingHeaderIsLeftToTheFullIndex() {
        byte[] b = bytes("Event-Name: X\nUnique-ID: a\nmore\n\n");
        assertNull(RoutingHeaders.scan(b, 0, b.length));
    }

    @Test
    void aPlainEventRoutesFromItsFirstLinesAndIndexesTheRestOnDemand() {
        String body = "Event-Name: CHANNEL_ANSWER\nUnique-ID: u-1\nEvent-Sequence: 7\nX: %20y\n\n";
        byte[] b = bytes("Content-Length: " + body.length() + "\nContent-Type: text/event-plain\n\n" + body);
        java.util.List<EslMessage> out = new java.util.ArrayList<>();
        new FrameDecoder().decode(b, 0, b.length, out::add);
        EslEvent e = EslEvent.of(out.get(0));
        assertEquals("CHANNEL_ANSWER", e.name());
        assertEquals("u-1", e.uniqueId());
        assertEquals(7, e.sequence());
        assertEquals(" y", e.header("X"));
        assertEquals(4, e.headerCount());
    }
}
