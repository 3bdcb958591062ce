package io.switchio.testkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulated callers that send BYE a hold time after answer ({@code callerHoldTime}). */
class CallerHoldIT {

    @Test
    void anAnsweredArrivalIsHungUpByTheCallerWithTheRemoteHangupSequence() throws Exception {
        try (FreeSwitchSimulator fs = FreeSwitchSimulator.builder().speed(20).inboundArrivals(2, "3000")
                .callerHoldTime(Duration.ofSeconds(4)).build().start();
             RawEslClient c = RawEslClient.login(fs, "ALL")) {
            RawEslClient.Frame park = c.await(f -> f.isEvent("CHANNEL_PARK"));
            String uuid = park.ev("Unique-ID");
            assertEquals("3000", park.ev("Caller-Destination-Number"));
            c.api("uuid_answer " + uuid);
            List<String> seq = new ArrayList<>();
            RawEslClient.Frame hangup = c.await(f -> f.isEvent("CHANNEL_HANGUP") && uuid.equals(f.ev("Unique-ID")));
            assertEquals("NORMAL_CLEARING", hangup.ev("Hangup-Cause"));
            RawEslClient.Frame last = c.await(f -> {
                if (f.type().startsWith("text/event") && uuid.equals(f.ev("Unique-ID"))) {
                    String n = f.ev("Event-Name");
                    seq.add(n.equals("CHANNEL_STATE") ? f.ev("Channel-State") : n.equals("CHANNEL_CALLSTATE")
                            ? "CALLSTATE:" + f.ev("Channel-Call-State") : n);
                    if (n.equals("CHANNEL_HANGUP_COMPLETE")) {
                        assertEquals("recv_bye", f.ev("variable_sip_hangup_disposition"));
                        assertEquals("NORMAL_CLEARING", f.ev("variable_hangup_cause"));
                    }
                }
                return f.isEvent("CHANNEL_STATE") && uuid.equals(f.ev("Unique-ID")) && "CS_DESTROY".equals(f.ev("Channel-State"));
            });
            assertEquals(List.of("CHANNEL_UNPARK", "CHANNEL_EXECUTE_COMPLETE", "CS_HANGUP", "CALLSTATE:HANGUP", "CS_REPORTING",
                    "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY", "CS_DESTROY"), seq);
            assertTrue(last.ev("Event-Name") != null);
        }
    }

    @Test
    void withoutAnswerOrWithoutHoldTheCallerStaysAndAKillIsASentBye() throws Exception {
        try (FreeSwitchSimulator fs = FreeSwitchSimulator.builder().speed(50).callerHoldTime(Duration.ofSeconds(1))
                .build().start();
             RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String ringing = fs.injectInboundCall("2000", Map.of());
            String held = fs.injectInboundCall("2001", Map.of());
            c.api("uuid_answer " + held);
            c.await(f -> f.isEvent("CHANNEL_HANGUP_COMPLETE") && held.equals(f.ev("Unique-ID")));
            assertTrue(fs.channel(ringing).isPresent(), "an unanswered call waits for the switch");
            c.api("uuid_kill " + ringing);
            RawEslClient.Frame done = c.await(f -> f.isEvent("CHANNEL_HANGUP_COMPLETE") && ringing.equals(f.ev("Unique-ID")));
            assertEquals("send_refuse", done.ev("variable_sip_hangup_disposition"));
        }
        try (FreeSwitchSimulator fs = FreeSwitchSimulator.builder().speed(50).build().start();
             RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String uuid = fs.injectInboundCall("2000", Map.of());
            c.api("uuid_answer " + uuid);
            c.api("uuid_kill " + uuid);
            RawEslClient.Frame done = c.await(f -> f.isEvent("CHANNEL_HANGUP_COMPLETE") && uuid.equals(f.ev("Unique-ID")));
            assertEquals("send_bye", done.ev("variable_sip_hangup_disposition"), "the switch hung up");
        }
    }
}
