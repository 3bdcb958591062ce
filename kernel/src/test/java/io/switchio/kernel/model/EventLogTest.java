package io.switchio.kernel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchio.kernel.testing.MapEvent;
import io.switchio.spi.Event;
import io.switchio.spi.SessionEndedException;
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
}
