package io.switchio.testkit;

import io.switchio.testkit.junit.SimulatorTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sendevent with the Unique-ID of a live channel is queued on that session (§5.9) and fired by its park loop. */
@SimulatorTest(speed = 20)
class SendEventToChannelIT {
    /** Started once for the class and injected by {@link SimulatorTest}. */
    private static FreeSwitchSimulator fs;

    @Test
    void anEventForAParkedChannelComesBackWithItsChannelDataAndWithoutAStandardBlock() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = fs.injectInboundCall("2000", Map.of());
            c.await(f -> f.isEvent("CHANNEL_PARK") && u.equals(f.ev("Unique-ID")));
            c.send("sendevent CUSTOM\nEvent-Subclass: myapp::poke\nUnique-ID: " + u + "\nFoo: bar\n\n");
            String reply = c.reply().headers().get("Reply-Text");
            assertTrue(reply.startsWith("+OK "), reply);
            RawEslClient.Frame e = c.await(f -> f.type().startsWith("text/event") && "bar".equals(f.ev("Foo")));
            assertEquals("myapp::poke", e.event().get(0)[1]);
            assertEquals(reply.substring(4), e.ev("Event-UUID"));
            assertEquals("CS_EXECUTE", e.ev("Channel-State"), "the park loop added the channel's data");
            assertNull(e.ev("Event-Sequence"), "switch_ivr_park fires it without switch_event_prep_for_delivery");
            c.send("api uuid_kill " + u + "\n\n");
            c.reply();
        }
    }

    @Test
    void anEventForABusyChannelWaitsForItsParkAndOneForNoChannelIsBroadcast() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = fs.injectInboundCall("2000", Map.of());
            c.await(f -> f.isEvent("CHANNEL_PARK") && u.equals(f.ev("Unique-ID")));
            c.send("sendmsg " + u + "\ncall-command: execute\nexecute-app-name: sleep\nexecute-app-arg: 400\n\n");
            c.reply();
            c.await(f -> f.isEvent("CHANNEL_EXECUTE") && u.equals(f.ev("Unique-ID")));
            c.send("sendevent CUSTOM\nEvent-Subclass: myapp::later\nUnique-ID: " + u + "\n\n");
            c.reply();
            List<String> order = new ArrayList<>();
            c.await(f -> {
                if (f.type().startsWith("text/event") && u.equals(f.ev("Unique-ID"))) {
                    order.add(f.ev("Event-Subclass") != null ? f.ev("Event-Subclass") : f.ev("Event-Name"));
                }
                return "myapp::later".equals(f.ev("Event-Subclass"));
            });
            assertEquals(List.of("CHANNEL_EXECUTE_COMPLETE", "myapp::later"), order, "delivered after the sleep, back in park");

            c.send("sendevent CUSTOM\nEvent-Subclass: myapp::nobody\nUnique-ID: 00000000-0000-0000-0000-000000000000\n\n");
            c.reply();
            RawEslClient.Frame b = c.await(f -> "myapp::nobody".equals(f.ev("Event-Subclass")));
            assertEquals("CUSTOM", b.ev("Event-Name"));
            assertTrue(b.ev("Event-Sequence") != null);
            c.send("api uuid_kill " + u + "\n\n");
            c.reply();
        }
    }
}
