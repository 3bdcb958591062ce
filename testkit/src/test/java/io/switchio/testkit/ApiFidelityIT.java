package io.switchio.testkit;

import io.switchio.testkit.junit.SimulatorTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §11/§12 details: uuid_getvar's fallbacks and array index, sched_hangup's time quirk, uuid_bridge's
 * fallback leg, the break and transfer applications, bridge failover.
 */
@SimulatorTest(speed = 20)
class ApiFidelityIT {
    /** Started once for the class and injected by {@link SimulatorTest}. */
    private static FreeSwitchSimulator fs;

    @Test
    void uuidGetvarReadsArrayElementsThenCallerProfileFieldsThenGlobals() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            String u = fs.injectInboundCall("2000", Map.of("list", "ARRAY::a|:b|:c"));
            assertEquals("b", c.api("uuid_getvar " + u + " list[1]"));
            assertEquals("2000", c.api("uuid_getvar " + u + " destination_number"));
            assertEquals("local_stream://moh", c.api("uuid_getvar " + u + " hold_music"));
            assertEquals("_undef_", c.api("uuid_getvar " + u + " no_such_thing"));
            c.api("uuid_kill " + u);
        }
    }

    @Test
    void schedHangupWithoutPlusReadsTheDelayAfterTheFirstCharacter() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "CHANNEL_HANGUP")) {
            String soon = fs.injectInboundCall("2000", Map.of());
            String later = fs.injectInboundCall("2001", Map.of());
            assertEquals("+OK\n", c.api("sched_hangup 1999 " + later));
            assertEquals("+OK\n", c.api("sched_hangup 30 " + soon));
            RawEslClient.Frame h = c.await(f -> f.isEvent("CHANNEL_HANGUP"));
            assertEquals(soon, h.ev("Unique-ID"), "30 means 0 s; 1999 means 999 s");
            assertEquals("ALLOTTED_TIMEOUT", h.ev("Hangup-Cause"));
            assertTrue(fs.channel(later).isPresent());
            c.api("uuid_kill " + later);
        }
    }

    @Test
    void uuidBridgeUsesTheFallbackWhenTheOtherLegIsGone() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "CHANNEL_BRIDGE")) {
            String a = fs.injectInboundCall("2000", Map.of());
            String fallback = fs.injectInboundCall("2001", Map.of());
            c.api("uuid_answer " + a);
            c.api("uuid_answer " + fallback);
            assertEquals("+OK " + fallback + "\n", c.api("uuid_bridge " + a + " 00000000-0000-0000-0000-000000000000 " + fallback));
            assertEquals(fallback, c.await(f -> f.isEvent("CHANNEL_BRIDGE")).ev("Bridge-B-Unique-ID"));
            c.api("hupall");
        }
    }

    private static void execute(RawEslClient c, String uuid, String app, String arg) throws Exception {
        c.send("sendmsg " + uuid + "\ncall-command: execute\nexecute-app-name: " + app + "\nexecute-app-arg: " + arg + "\n\n");
        c.reply();
    }

    @Test
    void aQueuedBreakStopsThePlaybackItRunsInside() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = fs.injectInboundCall("2000", Map.of());
            c.await(f -> f.isEvent("CHANNEL_PARK") && u.equals(f.ev("Unique-ID")));
            c.api("uuid_answer " + u);
            execute(c, u, "playback", "silence_stream://600000");
            c.await(f -> f.isEvent("PLAYBACK_START") && u.equals(f.ev("Unique-ID")));
            execute(c, u, "break", "");
            RawEslClient.Frame done = c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && u.equals(f.ev("Unique-ID")));
            assertEquals("break", done.ev("Application"));
            RawEslClient.Frame stop = c.await(f -> f.isEvent("PLAYBACK_STOP") && u.equals(f.ev("Unique-ID")));
            assertEquals("break", stop.ev("Playback-Status"));
            assertEquals("playback", c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && u.equals(f.ev("Unique-ID")))
                    .ev("Application"));
            c.api("uuid_kill " + u);
        }
    }

    @Test
    void theTransferApplicationLeavesTheParkForANewDialplanLookup() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = fs.injectInboundCall("2000", Map.of());
            c.await(f -> f.isEvent("CHANNEL_PARK") && u.equals(f.ev("Unique-ID")));
            execute(c, u, "transfer", "3000 XML other");
            assertEquals("transfer", c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && u.equals(f.ev("Unique-ID")))
                    .ev("Application"));
            c.await(f -> f.isEvent("CHANNEL_UNPARK") && u.equals(f.ev("Unique-ID")));
            c.await(f -> f.isEvent("CHANNEL_STATE") && u.equals(f.ev("Unique-ID")) && "CS_ROUTING".equals(f.ev("Channel-State")));
            RawEslClient.Frame park = c.await(f -> f.isEvent("CHANNEL_PARK") && u.equals(f.ev("Unique-ID")));
            assertEquals("3000", park.ev("Caller-Destination-Number"));
            assertEquals("other", park.ev("Caller-Context"));
            c.api("uuid_kill " + u);
        }
    }

    @Test
    void uuidTransferBlegMovesTheBridgedPeerAndEndsTheBridge() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String a = fs.injectInboundCall("2000", Map.of());
            String b = fs.injectInboundCall("2001", Map.of());
            c.api("uuid_answer " + a);
            c.api("uuid_answer " + b);
            assertEquals("-ERR\n", c.api("uuid_transfer " + a + " -bleg 4000"), "no peer yet");
            c.api("uuid_bridge " + a + " " + b);
            c.await(f -> f.isEvent("CHANNEL_BRIDGE"));
            assertEquals("+OK\n", c.api("uuid_transfer " + a + " -bleg 4000 XML elsewhere"));
            c.await(f -> f.isEvent("CHANNEL_UNBRIDGE"));
            RawEslClient.Frame park = c.await(f -> f.isEvent("CHANNEL_PARK") && b.equals(f.ev("Unique-ID")));
            assertEquals("4000", park.ev("Caller-Destination-Number"));
            assertEquals("elsewhere", park.ev("Caller-Context"));
            c.api("hupall");
        }
    }

    @Test
    void bridgeTriesItsFailoverGroupsButStopsAfterATimeout() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String a = fs.injectInboundCall("2000", Map.of());
            c.await(f -> f.isEvent("CHANNEL_PARK") && a.equals(f.ev("Unique-ID")));
            c.api("uuid_answer " + a);
            execute(c, a, "bridge", "error/user_busy|loopback/8000");
            String b = c.await(f -> f.isEvent("CHANNEL_PARK") && "loopback/8000-b".equals(f.ev("Channel-Name"))).ev("Unique-ID");
            c.api("uuid_answer " + b);
            assertEquals(a, c.await(f -> f.isEvent("CHANNEL_BRIDGE")).ev("Bridge-A-Unique-ID"));
            c.api("hupall");

            String a2 = fs.injectInboundCall("2001", Map.of());
            c.await(f -> f.isEvent("CHANNEL_PARK") && a2.equals(f.ev("Unique-ID")));
            c.api("uuid_answer " + a2);
            execute(c, a2, "bridge", "{originate_timeout=1}loopback/8100|loopback/8101");
            RawEslClient.Frame done = c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && a2.equals(f.ev("Unique-ID"))
                    && "bridge".equals(f.ev("Application")));
            assertEquals("NO_ANSWER", done.ev("variable_originate_failed_cause"));
            assertTrue(fs.channels().stream().noneMatch(ch -> ch.name().startsWith("loopback/8101")));
            c.api("hupall");
        }
    }
}
