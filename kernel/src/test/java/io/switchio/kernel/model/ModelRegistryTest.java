package io.switchio.kernel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.testing.HostHarness;
import io.switchio.kernel.testing.MapEvent;
import io.switchio.spi.Call;
import io.switchio.spi.JobFailedException;
import io.switchio.spi.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions, calls, jobs and counters built from events (switchio-reference §2.7-§2.8, bugs fixed). */
class ModelRegistryTest {

    @Test
    void createAndOriginateInEitherOrderMakeOneSessionAndBothAreRecorded() {
        for (List<String> order : List.of(List.of("CHANNEL_CREATE", "CHANNEL_ORIGINATE"),
                List.of("CHANNEL_ORIGINATE", "CHANNEL_CREATE"))) {
            HostHarness h = new HostHarness();
            order.forEach(name -> h.event(name, "a", "Call-Direction", "outbound"));
            Session s = h.client.session("a").orElseThrow();
            assertEquals(order, s.events().stream().map(e -> e.name()).toList());
            assertTrue(s.originatedAt().isPresent());
            assertTrue(s.isOutbound());
            assertEquals(1, h.client.counters().activeSessions());
        }
    }

    @Test
    void legsSharingTheTrackingHeaderFormOneCall() {
        HostHarness h = new HostHarness("variable_sip_h_X-switchio_originating_session", 64);
        h.event("CHANNEL_CREATE", "a", "variable_sip_h_X-switchio_originating_session", "a", "Call-Direction", "outbound");
        h.event("CHANNEL_CREATE", "b", "variable_sip_h_X-switchio_originating_session", "a", "Call-Direction", "inbound");
        assertEquals(1, h.client.calls().size());
        Call call = h.client.calls().iterator().next();
        Session a = h.client.session("a").orElseThrow();
        Session b = h.client.session("b").orElseThrow();
        assertEquals("a", call.key());
        assertSame(a, call.first());
        assertSame(b, call.last().orElseThrow());
        assertSame(b, call.peer(a).orElseThrow());
        assertSame(call, b.call());
        h.event("CHANNEL_DESTROY", "b", "Hangup-Cause", "NORMAL_CLEARING");
        assertEquals(1, h.client.calls().size());
        assertTrue(call.last().isEmpty());
        h.event("CHANNEL_DESTROY", "a", "Hangup-Cause", "NORMAL_CLEARING");
        assertEquals(0, h.client.calls().size());
        assertEquals(0, h.client.counters().activeSessions());
    }

    @Test
    void untrackedLegsAreTheirOwnCalls_andCallUuidFallsBackToChannelCallUuid() {
        HostHarness h = new HostHarness("variable_no_such_header", 64);
        h.event("CHANNEL_CREATE", "a");
        h.event("CHANNEL_CREATE", "b");
        assertEquals(2, h.client.calls().size());
        HostHarness d = new HostHarness();
        d.event("CHANNEL_CREATE", "a", "Channel-Call-UUID", "a");
        d.event("CHANNEL_CREATE", "b", "Channel-Call-UUID", "a");
        assertEquals(1, d.client.calls().size());
    }

    @Test
    void theAppGroupIsChosenOnceFromTheFirstPresentHeader() {
        HostHarness h = new HostHarness();
        h.event("CHANNEL_CREATE", "a", "variable_sip_h_X-switchio_app", "tone");
        h.event("CHANNEL_CREATE", "b");
        h.event("CHANNEL_ANSWER", "b", "variable_sip_h_X-switchio_app", "late");
        assertEquals("tone", h.client.session("a").orElseThrow().appId());
        assertEquals("default", h.client.session("b").orElseThrow().appId());
        assertEquals(Map.of("tone", 1, "default", 1), h.client.counters().sessionsPerApp());
    }

    @Test
    void getReadsTheNewestValueIncludingEmptyOnesAndTriesTheVariablePrefix() {
        HostHarness h = new HostHarness();
        h.event("CHANNEL_CREATE", "a", "Answer-State", "ringing", "variable_sip_h_X-switchio_app", "x");
        h.event("CHANNEL_ANSWER", "a", "Answer-State", "");
        Session s = h.client.session("a").orElseThrow();
        assertEquals("", s.get("Answer-State"));
        assertEquals("x", s.get("sip_h_X-switchio_app"));
        assertNull(s.get("nothing"));
        assertTrue(s.isAnswered());
    }

    @Test
    void historyIsBounded() {
        HostHarness h = new HostHarness("variable_call_uuid", 4);
        h.event("CHANNEL_CREATE", "a");
        for (int i = 0; i < 10; i++) {
            h.event("CHANNEL_CALLSTATE", "a", "N", Integer.toString(i));
        }
        Session s = h.client.session("a").orElseThrow();
        assertEquals(4, s.events().size());
        assertEquals("9", s.lastEvent().header("N"));
        assertEquals("6", s.events().get(0).header("N"));
    }

    @Test
    void anOriginateJobIsLinkedToItsSessionAndNothingLeaks() {
        HostHarness h = new HostHarness();
        JobModel job = new JobModel("j1", "originate x", "a");
        h.models.registerJob(job);
        assertEquals(1, h.client.counters().pendingJobs());
        h.event("CHANNEL_CREATE", "a");
        h.dispatch(MapEvent.job("j1", "+OK a\n"));
        assertEquals("a", job.result(Duration.ofSeconds(1)));
        assertTrue(job.isSuccessful());
        assertSame(job, h.client.session("a").orElseThrow().job().orElseThrow());
        assertEquals(0, h.client.counters().pendingJobs());
        h.dispatch(MapEvent.job("unknown", "+OK whatever\n"));
        assertEquals(0, h.client.counters().pendingJobs());
    }

    @Test
    void aFailedJobCountsItsReason() {
        HostHarness h = new HostHarness();
        JobModel job = new JobModel("j1", "originate x", "a");
        h.models.registerJob(job);
        h.dispatch(MapEvent.job("j1", "-ERR USER_BUSY\n"));
        JobFailedException e = assertThrows(JobFailedException.class, () -> job.result(Duration.ofSeconds(1)));
        assertEquals("USER_BUSY", e.reason());
        assertFalse(job.isSuccessful());
        assertTrue(job.isDone());
        assertEquals(Map.of("USER_BUSY", 1L), h.client.counters().failedJobs());
        assertEquals(0, h.client.counters().pendingJobs());
    }

    @Test
    void countersTrackAnswersCausesAndFailures() {
        HostHarness h = new HostHarness();
        h.event("CHANNEL_CREATE", "a");
        h.event("CHANNEL_ANSWER", "a");
        h.event("CHANNEL_DESTROY", "a", "Hangup-Cause", "NORMAL_CLEARING");
        h.event("CHANNEL_CREATE", "b");
        h.event("CHANNEL_DESTROY", "b", "Hangup-Cause", "NO_ANSWER");
        assertEquals(1, h.client.counters().totalAnswered());
        assertEquals(Map.of("NORMAL_CLEARING", 1L, "NO_ANSWER", 1L), h.client.counters().hangupCauses());
        assertEquals(1, h.client.counters().failedSessions());
        assertEquals(List.of("b"), h.models.counters().failedSessions("NO_ANSWER"));
        assertEquals(Map.of(), h.client.counters().sessionsPerApp());
    }

    @Test
    void theCauseCountedIsTheNewestHangupCauseRecorded_evenWhenTheDestroyOrAVanishCarriesNone() {
        HostHarness h = new HostHarness();
        h.event("CHANNEL_CREATE", "a");
        h.event("CHANNEL_HANGUP", "a", "Hangup-Cause", "USER_BUSY");
        h.event("CHANNEL_DESTROY", "a");
        h.event("CHANNEL_CREATE", "b");
        h.event("CHANNEL_HANGUP", "b", "Hangup-Cause", "CALL_REJECTED");
        h.models.vanish("b");
        h.event("CHANNEL_CREATE", "c");
        h.event("CHANNEL_DESTROY", "c", "Hangup-Cause", "");
        assertEquals(Map.of("USER_BUSY", 1L, "CALL_REJECTED", 1L, "UNKNOWN", 1L), h.client.counters().hangupCauses());
        assertEquals(List.of("a"), h.models.counters().failedSessions("USER_BUSY"));
    }

    @Test
    void aRenamedLegKeepsItsSession() {
        HostHarness h = new HostHarness();
        h.event("CHANNEL_CREATE", "old");
        h.event("CHANNEL_UUID", "new", "Old-Unique-ID", "old");
        assertTrue(h.client.session("old").isEmpty());
        assertEquals("new", h.client.session("new").orElseThrow().uuid());
        h.event("CHANNEL_DESTROY", "new");
        assertEquals(0, h.client.counters().activeSessions());
    }

    @Test
    void aSessionAResyncMadeFromABareRowIsSettledByItsRealCreationEvent() {
        HostHarness h = new HostHarness("variable_sip_h_X-switchio_originating_session", 64);
        // the resync's row raced ahead of the channel's own CHANNEL_CREATE still in the ring
        h.event("CHANNEL_CREATE", "b", "switchio-Synthetic", "resync", "Call-Direction", "inbound");
        assertEquals("default", h.client.session("b").orElseThrow().appId());
        h.event("CHANNEL_CREATE", "a", "variable_sip_h_X-switchio_originating_session", "a",
                "variable_sip_h_X-switchio_app", "load", "Call-Direction", "outbound");
        h.event("CHANNEL_CREATE", "b", "variable_sip_h_X-switchio_originating_session", "a",
                "variable_sip_h_X-switchio_app", "load", "Call-Direction", "inbound");
        Session b = h.client.session("b").orElseThrow();
        assertEquals("load", b.appId(), "the real headers choose the group");
        assertEquals(Map.of("load", 2), h.client.counters().sessionsPerApp().entrySet().stream()
                .filter(e -> e.getValue() > 0).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(1, h.client.calls().size(), "both legs in the call the tracking header names");
        assertSame(b, h.client.session("a").orElseThrow().call().peer(h.client.session("a").orElseThrow()).orElseThrow());
        // a later real creation event does not move a settled session again
        h.event("CHANNEL_ORIGINATE", "b", "variable_sip_h_X-switchio_app", "other");
        assertEquals("load", b.appId());
    }
}
