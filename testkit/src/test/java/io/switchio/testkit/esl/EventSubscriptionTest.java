package io.switchio.testkit.esl;

import io.switchio.testkit.engine.SimEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subscriptions and the exact filter algorithm of esl-protocol.md §5.5, §7.2. */
class EventSubscriptionTest {
    private static SimEvent ev(String name, String... kv) {
        SimEvent e = new SimEvent(name).add("Event-Name", name);
        for (int i = 0; i < kv.length; i += 2) {
            e.add(kv[i], kv[i + 1]);
        }
        return e;
    }

    @Test
    void namesAllCustomSubclassesAndNix() {
        EventSubscription s = new EventSubscription();
        assertEquals(0, s.subscribe(List.of("NOT_AN_EVENT")));
        assertFalse(s.enabled());
        assertEquals(3, s.subscribe(List.of("channel_answer", "CUSTOM", "sofia::register")));
        assertTrue(s.accepts(ev("CHANNEL_ANSWER")));
        assertTrue(s.accepts(ev("CUSTOM", "Event-Subclass", "sofia::register")));
        assertFalse(s.accepts(ev("CUSTOM", "Event-Subclass", "other::thing")));
        assertFalse(s.accepts(ev("HEARTBEAT")));
        s.subscribe(List.of("SWITCH_EVENT_ALL"));
        assertTrue(s.accepts(ev("CUSTOM", "Event-Subclass", "other::thing")));
        s.unsubscribe(List.of("HEARTBEAT"));
        assertFalse(s.accepts(ev("HEARTBEAT")));
        assertTrue(s.accepts(ev("CHANNEL_CREATE")));
    }

    @Test
    void filterAlgorithm() {
        EventSubscription s = new EventSubscription();
        s.subscribe(List.of("ALL"));
        s.addFilter("Event-Name", "-HEARTBEAT");
        assertFalse(s.accepts(ev("CHANNEL_CREATE")), "negative-only filters deliver nothing");
        s.addFilter("Unique-ID", "u1");
        assertTrue(s.accepts(ev("CHANNEL_CREATE", "Unique-ID", "U1")), "case-insensitive exact match");
        assertFalse(s.accepts(ev("CHANNEL_CREATE", "Unique-ID", "u2")));
        assertFalse(s.accepts(ev("HEARTBEAT", "Unique-ID", "u1")), "a negative match stops");
        s.addFilter("Caller-Destination-Number", "/^9[0-9]{3}$/");
        assertTrue(s.accepts(ev("CHANNEL_CREATE", "Caller-Destination-Number", "9123")));
        s.addFilter("X", "-/abc/");
        assertTrue(s.accepts(ev("CHANNEL_CREATE", "Unique-ID", "u1", "X", "zabcz")),
                "a +/- prefixed value is never a regex (quirk)");
        assertFalse(s.accepts(ev("CHANNEL_CREATE", "Unique-ID", "u1", "X", "/abc/")));
        s.deleteFilter("all", null);
        assertTrue(s.accepts(ev("HEARTBEAT")));
    }

    @Test
    void myEventsRestrictsToTheChannelAndItsJobs() {
        EventSubscription s = new EventSubscription();
        s.myEvents("u1");
        s.subscribe(List.of("BACKGROUND_JOB"));
        assertTrue(s.accepts(ev("CHANNEL_ANSWER", "Unique-ID", "u1")));
        assertFalse(s.accepts(ev("CHANNEL_ANSWER", "Unique-ID", "u2")));
        assertFalse(s.accepts(ev("CHANNEL_CALLSTATE", "Unique-ID", "u1")), "not in the myevents set");
        assertTrue(s.accepts(ev("BACKGROUND_JOB", "Job-Owner-UUID", "u1")));
        assertFalse(s.accepts(ev("BACKGROUND_JOB", "Job-UUID", "j")));
    }
}
