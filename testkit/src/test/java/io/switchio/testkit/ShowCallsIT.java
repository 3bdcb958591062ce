package io.switchio.testkit;

import io.switchio.testkit.junit.SimulatorTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code show calls}: FreeSWITCH's call list (one row per bridged call with the B leg's {@code b_*} columns,
 * unbridged legs with empty ones), unlike {@code show channels} which lists every leg.
 */
@SimulatorTest(speed = 20)
class ShowCallsIT {
    /** Started once for the class and injected by {@link SimulatorTest}. */
    private static FreeSwitchSimulator fs;

    @Test
    void aBridgedPairIsOneRowAndALoneLegHasEmptyBColumns() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String a = fs.injectInboundCall("2000", Map.of());
            String b = fs.injectInboundCall("2001", Map.of());
            String lone = fs.injectInboundCall("2002", Map.of());
            c.api("uuid_answer " + a);
            c.api("uuid_bridge " + a + " " + b);
            c.await(f -> f.isEvent("CHANNEL_BRIDGE") && a.equals(f.ev("Unique-ID")));

            String plain = c.api("show calls");
            List<String> lines = Arrays.asList(plain.split("\n", -1));
            List<String> header = List.of(lines.get(0).split(","));
            assertEquals(41, header.size(), lines.get(0));
            assertEquals(List.of("uuid", "direction", "created", "created_epoch", "name"), header.subList(0, 5));
            assertEquals("b_uuid", header.get(21));
            assertEquals("b_name", header.get(25));
            assertEquals("call_created_epoch", header.get(40));
            assertTrue(plain.endsWith("\n\n2 total.\n"), plain);
            assertEquals(6, lines.size(), "header, 2 rows, blank line, footer: " + plain);
            String[] callRow = lines.get(1).split(",", -1);
            assertEquals(41, callRow.length, lines.get(1));
            assertEquals(a, callRow[0]);
            assertEquals(b, callRow[header.indexOf("b_uuid")]);
            assertEquals("inbound", callRow[header.indexOf("b_direction")]);
            assertEquals(fs.channel(b).orElseThrow().name(), callRow[header.indexOf("b_name")]);
            assertEquals(fs.channel(b).orElseThrow().state(), callRow[header.indexOf("b_state")]);
            assertEquals(fs.channel(b).orElseThrow().callState(), callRow[header.indexOf("b_callstate")]);
            assertTrue(Long.parseLong(callRow[40]) > 0, "call_created_epoch is set");
            String[] loneRow = lines.get(2).split(",", -1);
            assertEquals(lone, loneRow[0]);
            for (int i = 21; i < 41; i++) {
                assertEquals("", loneRow[i], "column " + header.get(i) + " of an unbridged leg");
            }
            assertTrue(c.api("show channels").endsWith("\n\n3 total.\n"), "show channels lists every leg");

            String json = c.api("show calls as json");
            assertTrue(json.startsWith("{\"row_count\":2,\"rows\":[{\"uuid\":\"" + a + "\""), json);
            assertTrue(json.contains("\"b_uuid\":\"" + b + "\""), json);
            assertTrue(json.contains("{\"uuid\":\"" + lone + "\""), json);
            assertTrue(json.contains("\"b_uuid\":\"\",\"b_direction\":\"\""), json);
            assertFalse(json.contains("{\"uuid\":\"" + b + "\""), "the B leg is no row of its own: " + json);

            c.api("hupall");
            c.await(f -> f.isEvent("CHANNEL_HANGUP_COMPLETE") && lone.equals(f.ev("Unique-ID")));
        }
    }
}
