package io.switchio.kernel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.testing.MapEvent;
import io.switchio.spi.Event;
import io.switchio.spi.SessionEndedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bounded session log: indexes, bounds, and waits on a closed log. */
class EventLogTest {

    private static EventLog logOf(int limit, String... names) {
        EventLog log = new EventLog(limit);
        for (String n : names) {
            log.append(MapEvent.of(n, "u", "Seq", String.valueOf(log.nextIndex())));
        }
        return log;
    }

    @Test
    void keepsTheNewestEventsUpToTheLimitWithStableIndexes() {
        EventLog log = logOf(2, "A", "B", "C");
        assertEquals(3, log.nextIndex());
        assertEquals(java.util.List.of("B", "C"), log.snapshot().stream().map(Event::name).toList());
        assertEquals("C", log.await(Set.of("C"), 0, 0, "u").event().name());
        assertEquals(2, log.await(Set.of("C"), 0, 0, "u").index());
    }

    @Test
    void aClosedLogStillAnswersFromWhatItKept_thenEndsTheWait() {
        EventLog log = logOf(64, "CHANNEL_CREATE", "CHANNEL_HANGUP", "CHANNEL_DESTROY");
        log.close();
        assertEquals("CHANNEL_HANGUP", log.await(Set.of("CHANNEL_HANGUP"), 0, TimeUnit.SECONDS.toNanos(1), "u").event().name());
        assertEquals("1", log.newest("CHANNEL_HANGUP").header("Seq"));
        assertEquals("2", log.newestHeader("Seq"));
        assertThrows(SessionEndedException.class, () -> log.await(Set.of("CHANNEL_ANSWER"), 0, TimeUnit.SECONDS.toNanos(1), "u"));
    }

    @Test
    void anEmptyLogHasNoLatestEvent() {
        EventLog log = new EventLog(8);
        assertEquals(0, log.snapshot().size());
        assertNull(log.latest());
        assertNull(log.newestHeader("Seq"));
    }

    private static EslEvent plain(String name, int seq, String... extra) {
        StringBuilder b = new StringBuilder("Event-Name: ").append(name).append("\nUnique-ID: u\nEvent-Sequence: ").append(seq)
                .append("\nChannel-State: CS_").append(name).append('\n');
        for (int i = 0; i < 40; i++) {
            b.append("variable_shared_").append(i).append(": same%20value%20").append(i).append('\n');
        }
        for (String x : extra) {
            b.append(x).append('\n');
        }
        String text = b.append('\n').toString();
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String frame = "Content-Length: " + body.length + "\nContent-Type: text/event-plain\n\n" + text;
        return EslEvent.of(EslMessage.parse(frame.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void olderPlainEventsAreKeptAsDeltasButReadBackEqual() {
        EventLog log = new EventLog(64);
        List<Event> appended = new ArrayList<>();
        appended.add(plain("CHANNEL_CREATE", 1, "variable_only_in_create: c%20v"));
        appended.add(plain("CHANNEL_PARK", 2));
        appended.add(MapEvent.of("SYNTHETIC", "u", "Seq", "3"));
        appended.add(plain("CHANNEL_ANSWER", 4, "variable_rtp: 1"));
        appended.add(plain("CHANNEL_BRIDGE", 5, "variable_rtp: 2"));
        appended.add(plain("CHANNEL_HANGUP", 6));
        for (Event e : appended) {
            long i = log.append(e);
            log.compactBefore(i);
        }
        assertEquals(3, log.deltaCount(), "create, answer and bridge; park's successor is not a wire event");
        List<Event> kept = log.snapshot();
        assertEquals(appended.size(), kept.size());
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(appended.get(i).name(), kept.get(i).name());
            assertEquals(appended.get(i).headers(), kept.get(i).headers(), "event " + i);
        }
        assertSame(appended.get(5), log.latest(), "the newest is kept whole");
        assertSame(appended.get(2), kept.get(2), "a non-wire event is kept whole");
        assertEquals("c v", log.newestHeader("variable_only_in_create"));
        assertEquals("2", log.newestHeader("variable_rtp"));
        assertEquals("CS_CHANNEL_HANGUP", log.newestHeader("Channel-State"));
        assertEquals(appended.get(3).headers(), log.newest("CHANNEL_ANSWER").headers());
        EventLog.Match m = log.await(Set.of("CHANNEL_PARK"), 0, 0, "u");
        assertEquals(1, m.index());
        assertEquals(appended.get(1).headers(), m.event().headers());
        assertEquals(appended.get(4).headers(), log.await(Set.of("CHANNEL_BRIDGE"), 2, 0, "u").event().headers());
    }

    @Test
    void deltasSurviveTheRingWrappingAround() {
        EventLog log = new EventLog(5);
        List<Event> appended = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            Event e = plain("E" + (i % 4), i, "variable_step: " + i);
            appended.add(e);
            log.compactBefore(log.append(e));
        }
        assertEquals(4, log.deltaCount());
        List<Event> kept = log.snapshot();
        assertEquals(5, kept.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(appended.get(18 + i).headers(), kept.get(i).headers());
        }
        assertEquals(appended.get(19).headers(), log.await(Set.of("E3"), 0, 0, "u").event().headers());
        assertEquals("22", log.newestHeader("variable_step"));
    }
}
