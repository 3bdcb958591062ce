package io.switchio.testkit;

import io.switchio.testkit.junit.SimulatorTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code ${...}} expansion over TCP: sendmsg, uuid_broadcast, originate's {@code &app()} and bridge dial strings. */
@SimulatorTest(speed = 20)
class VariableExpansionIT {
    /** Started once for the class and injected by {@link SimulatorTest}. */
    private static FreeSwitchSimulator fs;

    private static void execute(RawEslClient c, String uuid, String app, String arg) throws Exception {
        c.send("sendmsg " + uuid + "\ncall-command: execute\nexecute-app-name: " + app
                + "\nexecute-app-arg: " + arg + "\n\n");
        assertEquals("+OK", c.reply().headers().get("Reply-Text"));
    }

    private static String parked(RawEslClient c, Map<String, String> vars) throws Exception {
        String uuid = fs.injectInboundCall("2000", vars);
        c.await(f -> f.isEvent("CHANNEL_PARK") && uuid.equals(f.ev("Unique-ID")));
        return uuid;
    }

    @Test
    void sendmsgArgumentsAreExpandedAndApplicationDataShowsTheResult() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String uuid = parked(c, Map.of("sip_h_X-Customer", "42"));
            execute(c, uuid, "set", "copy=${sip_h_X-Customer}/${sofia_profile_name}/[${nope}]/$${external_sip_port}");
            RawEslClient.Frame done = c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && uuid.equals(f.ev("Unique-ID"))
                    && "set".equals(f.ev("Application")));
            assertEquals("copy=42/external/[]/5080", done.ev("Application-Data"));
            assertEquals("42/external/[]/5080", c.api("uuid_getvar " + uuid + " copy"));
            assertEquals("+OK", c.api("global_setvar greeting=hello"));
            execute(c, uuid, "set", "g=$${greeting}-${greeting}-\\${greeting}");
            c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && "set".equals(f.ev("Application")));
            assertEquals("hello-hello-${greeting}", c.api("uuid_getvar " + uuid + " g"));
            c.api("uuid_kill " + uuid);
        }
    }

    @Test
    void broadcastAndOriginateAppArgumentsAreExpandedOnTheirLeg() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String uuid = parked(c, Map.of());
            c.api("uuid_setvar " + uuid + " tone 300");
            c.api("uuid_broadcast " + uuid + " set::played=${tone} aleg");
            c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && uuid.equals(f.ev("Unique-ID")) && "set".equals(f.ev("Application")));
            assertEquals("300", c.api("uuid_getvar " + uuid + " played"));
            c.api("uuid_kill " + uuid);

            c.send("bgapi originate {my_tag=777}loopback/4100 &set(me=${my_tag}@${uuid})\n\n");
            c.reply();
            RawEslClient.Frame b = c.await(f -> f.isEvent("CHANNEL_PARK") && "loopback/4100-b".equals(f.ev("Channel-Name")));
            c.api("uuid_answer " + b.ev("Unique-ID"));
            RawEslClient.Frame set = c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && "set".equals(f.ev("Application")));
            assertEquals("me=777@" + set.ev("Unique-ID"), set.ev("Application-Data"));
            c.api("hupall");
        }
    }

    @Test
    void bridgeToTheLegsOwnRequestUriThroughItsProfileComesBackAsANewInboundCall() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String uuid = parked(c, Map.of("sip_h_X-Tag", "t1"));
            c.api("uuid_answer " + uuid);
            execute(c, uuid, "bridge", "{sip_h_X-Tag=${sip_h_X-Tag}}sofia/${sofia_profile_name}/${sip_req_uri}");
            RawEslClient.Frame exec = c.await(f -> f.isEvent("CHANNEL_EXECUTE") && "bridge".equals(f.ev("Application")));
            assertEquals("{sip_h_X-Tag=t1}sofia/external/2000@127.0.0.1:5080", exec.ev("Application-Data"));
            RawEslClient.Frame loop = c.await(f -> f.isEvent("CHANNEL_PARK") && !uuid.equals(f.ev("Unique-ID"))
                    && "inbound".equals(f.ev("Call-Direction")));
            assertEquals("2000", loop.ev("Caller-Destination-Number"));
            assertEquals("t1", loop.ev("variable_sip_h_X-Tag"));
            c.api("hupall");
        }
    }
}
