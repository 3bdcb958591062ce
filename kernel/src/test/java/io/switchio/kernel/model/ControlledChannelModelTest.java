package io.switchio.kernel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.testing.HostHarness;
import io.switchio.spi.Session;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The model rules of controlled channels (outbound sockets, esl-protocol §4.6, §6.2): created by
 * the {@code connect} reply's {@code CHANNEL_DATA}, ended by {@code CHANNEL_HANGUP_COMPLETE} or a
 * made-up destroy; a plain host ignores {@code CHANNEL_DATA} of channels it never saw created.
 */
class ControlledChannelModelTest {

    @Test
    void channelDataCreatesTheSessionInItsGroupAndHangupCompleteEndsIt() {
        HostHarness h = new HostHarness();
        List<String> ended = new CopyOnWriteArrayList<>();
        h.models.controlledChannels();
        h.models.onEnded(s -> ended.add(s.uuid()));
        h.event("CHANNEL_DATA", "c1", "variable_sip_h_X-switchio_app", "OutTone", "Call-Direction", "inbound");
        Session s = h.client.session("c1").orElseThrow();
        assertEquals("OutTone", s.appId());
        assertTrue(s.isInbound());
        h.event("CHANNEL_ANSWER", "c1");
        h.event("CHANNEL_HANGUP", "c1", "Hangup-Cause", "NORMAL_CLEARING");
        assertTrue(h.client.session("c1").isPresent(), "still live between HANGUP and HANGUP_COMPLETE");
        h.event("CHANNEL_HANGUP_COMPLETE", "c1", "Hangup-Cause", "NORMAL_CLEARING");
        assertTrue(h.client.session("c1").isEmpty());
        assertEquals(List.of("c1"), ended);
        assertEquals(List.of("CHANNEL_DATA", "CHANNEL_ANSWER", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE"),
                s.events().stream().map(e -> e.name()).toList());
        assertEquals(1L, h.client.counters().hangupCauses().get("NORMAL_CLEARING"));
        assertEquals(0, h.client.counters().activeCalls());
    }

    @Test
    void aMadeUpDestroyEndsASessionWhoseSocketClosedFirst() {
        HostHarness h = new HostHarness();
        List<String> ended = new CopyOnWriteArrayList<>();
        h.models.controlledChannels();
        h.models.onEnded(s -> ended.add(s.uuid()));
        h.event("CHANNEL_DATA", "c2");
        Session s = h.client.session("c2").orElseThrow();
        assertEquals("default", s.appId());
        h.dispatch(SyntheticEvent.of("CHANNEL_DESTROY", "c2", "outbound socket ended", java.util.Map.of()));
        assertTrue(h.client.session("c2").isEmpty());
        assertTrue(s.isHungUp());
        assertEquals(List.of("c2"), ended);
    }

    @Test
    void aPlainHostNeitherCreatesOnChannelDataNorEndsOnHangupComplete() {
        HostHarness h = new HostHarness();
        h.event("CHANNEL_DATA", "x");
        assertTrue(h.client.session("x").isEmpty());
        h.event("CHANNEL_CREATE", "y");
        h.event("CHANNEL_HANGUP_COMPLETE", "y");
        assertTrue(h.client.session("y").isPresent(), "inbound sessions end on CHANNEL_DESTROY only");
    }
}
