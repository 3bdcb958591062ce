package io.switchio.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §11 details: uuid_getvar's fallbacks and array index, sched_hangup's time quirk, uuid_bridge's fallback leg. */
class ApiFidelityIT {
    private static FreeSwitchSimulator fs;

    @BeforeAll
    static void start() {
        fs = FreeSwitchSimulator.builder().speed(20).build().start();
    }

    @AfterAll
    static void stop() {
        fs.close();
    }

    private static String api(RawEslClient c, String cmd) throws Exception {
        c.send("api " + cmd + "\n\n");
        return c.reply().body();
    }

    @Test
    void uuidGetvarReadsArrayElementsThenCallerProfileFieldsThenGlobals() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            String u = fs.injectInboundCall("2000", Map.of("list", "ARRAY::a|:b|:c"));
            assertEquals("b", api(c, "uuid_getvar " + u + " list[1]"));
            assertEquals("2000", api(c, "uuid_getvar " + u + " destination_number"));
            assertEquals("local_stream://moh", api(c, "uuid_getvar " + u + " hold_music"));
            assertEquals("_undef_", api(c, "uuid_getvar " + u + " no_such_thing"));
            api(c, "uuid_kill " + u);
        }
    }

    @Test
    void schedHangupWithoutPlusReadsTheDelayAfterTheFirstCharacter() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "CHANNEL_HANGUP")) {
            String soon = fs.injectInboundCall("2000", Map.of());
            String later = fs.injectInboundCall("2001", Map.of());
            assertEquals("+OK\n", api(c, "sched_hangup 1999 " + later));
            assertEquals("+OK\n", api(c, "sched_hangup 30 " + soon));
            RawEslClient.Frame h = c.await(f -> f.isEvent("CHANNEL_HANGUP"));
            assertEquals(soon, h.ev("Unique-ID"), "30 means 0 s; 1999 means 999 s");
            assertEquals("ALLOTTED_TIMEOUT", h.ev("Hangup-Cause"));
            assertTrue(fs.channel(later).isPresent());
            api(c, "uuid_kill " + later);
        }
    }

    @Test
    void uuidBridgeUsesTheFallbackWhenTheOtherLegIsGone() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "CHANNEL_BRIDGE")) {
            String a = fs.injectInboundCall("2000", Map.of());
            String fallback = fs.injectInboundCall("2001", Map.of());
            api(c, "uuid_answer " + a);
            api(c, "uuid_answer " + fallback);
            assertEquals("+OK " + fallback + "\n", api(c, "uuid_bridge " + a + " 00000000-0000-0000-0000-000000000000 " + fallback));
            assertEquals(fallback, c.await(f -> f.isEvent("CHANNEL_BRIDGE")).ev("Bridge-B-Unique-ID"));
            api(c, "hupall");
        }
    }
}
