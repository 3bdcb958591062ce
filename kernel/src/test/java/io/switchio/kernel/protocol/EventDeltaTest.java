package io.switchio.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.model.SyntheticEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A kept event stored as its difference from the next one rebuilds byte for byte. */
class EventDeltaTest {

    static Stream<String> plainTraces() {
        return Stream.of("c-bgapi-originate-park-lifecycle-plain", "e-inbound-sip-sipp-park", "f-two-leg-sofia-originate");
    }

    /** The plain events of a capture, grouped by Unique-ID in arrival order. */
    private static Map<String, List<EslEvent>> channels(String trace) throws IOException {
        Map<String, List<EslEvent>> out = new LinkedHashMap<>();
        for (EslMessage m : Frames.decode(new FrameDecoder(), Frames.trace(trace + ".txt"))) {
            if (ContentTypes.EVENT_PLAIN.equals(m.contentType())) {
                EslEvent e = EslEvent.of(m);
                if (e.uniqueId() != null) {
                    out.computeIfAbsent(e.uniqueId(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        return out;
    }

    private static void assertRebuilds(EslEvent older, EslEvent newer) {
        EventDelta d = EventDelta.of(older, newer);
        assertNotNull(d, older + " against " + newer);
        byte[] newerBody = EventDelta.bodyOf(newer);
        assertArrayEquals(older.message().body(), d.apply(newerBody), older + " against " + newer);
        EslEvent rebuilt = d.rebuild(newerBody);
        assertEquals(older.name(), d.name());
        assertEquals(older.name(), rebuilt.name());
        assertEquals(older.headers(), rebuilt.headers());
        for (String name : older.headers().keySet()) {
            if (newer.header(name) == null) {
                assertEquals(older.header(name), d.literalHeader(name), name);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("plainTraces")
    void everyChannelEventRebuildsFromTheNextOneAndKeepsLittle(String trace) throws IOException {
        long kept = 0;
        long whole = 0;
        int pairs = 0;
        for (List<EslEvent> events : channels(trace).values()) {
            for (int i = 0; i + 1 < events.size(); i++) {
                EslEvent older = events.get(i);
                EslEvent newer = events.get(i + 1);
                if (older.bodyLength() > 0) {
                    assertNull(EventDelta.of(older, newer), "an event with a body stays whole");
                    continue;
                }
                assertRebuilds(older, newer);
                kept += EventDelta.of(older, newer).retainedBytes();
                whole += older.message().bodyLength();
                pairs++;
            }
        }
        assertTrue(pairs > 10, trace + ": " + pairs + " pairs");
        assertTrue(kept * 3 < whole, trace + ": deltas keep " + kept + " of " + whole + " bytes");
    }

    @ParameterizedTest
    @MethodSource("plainTraces")
    void anyTwoEventsOfACaptureRebuildEachOther(String trace) throws IOException {
        List<EslEvent> all = channels(trace).values().stream().flatMap(List::stream).filter(e -> e.bodyLength() == 0).toList();
        Random random = new Random(trace.hashCode());
        for (int n = 0; n < 200; n++) {
            assertRebuilds(all.get(random.nextInt(all.size())), all.get(random.nextInt(all.size())));
        }
    }

    @Test
    void mutatedLinesRepeatedNamesCrLfAndLeadingJunkRebuildExactly() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                lines.add("H" + random.nextInt(30) + ": v%20" + random.nextInt(5) + (random.nextInt(10) == 0 ? "\r" : ""));
            }
            List<String> other = new ArrayList<>(lines);
            for (int k = 0; k < 8; k++) {
                int at = random.nextInt(other.size());
                switch (random.nextInt(3)) {
                    case 0 -> other.remove(at);
                    case 1 -> other.add(at, "New-" + random.nextInt(9) + ": x");
                    default -> other.set(at, other.get(at) + "changed");
                }
            }
            String lead = random.nextInt(4) == 0 ? "junk line without colon\n" : "";
            EslEvent older = event(lead + "Event-Name: A\n" + String.join("\n", lines) + "\n\n");
            EslEvent newer = event("Event-Name: B\n" + String.join("\n", other) + "\n\n");
            assertRebuilds(older, newer);
            assertRebuilds(newer, older);
        }
    }

    @Test
    void onlyPlainEventsWithoutABodyAreKeptAsDeltas() {
        EslEvent plain = event("Event-Name: A\nUnique-ID: u\n\n");
        EslEvent withBody = EslEvent.of(EslMessage.parse(Frames.bytes(Frames.plainEvent(
                "Event-Name: BACKGROUND_JOB\nContent-Length: 3\n\n+OK"))));
        assertNull(EventDelta.of(withBody, plain));
        assertNull(EventDelta.of(plain, SyntheticEvent.of("CHANNEL_DESTROY", "u", "test", Map.of())));
        assertNull(EventDelta.of(SyntheticEvent.of("CHANNEL_DESTROY", "u", "test", Map.of()), plain));
        assertNotNull(EventDelta.of(plain, withBody));
    }

    private static EslEvent event(String text) {
        return EslEvent.of(EslMessage.parse(Frames.bytes(Frames.plainEvent(text))));
    }
}
