package io.switchio.testkit;

import io.switchio.testkit.junit.SimulatorTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** uuid_broadcast as switch_ivr_broadcast: leg words, app!cause, hold music, and the COMMAND echo of captures c, e and f. */
@SimulatorTest(speed = 20)
class BroadcastIT {
    /** Started once for the class and injected by {@link SimulatorTest}. */
    private static FreeSwitchSimulator fs;

    /** An originated loopback A leg, answered before it parks (media up, like capture c). */
    private static String[] answeredPair(RawEslClient c, String exten) throws Exception {
        c.send("bgapi originate loopback/" + exten + " &park()\n\n");
        c.reply();
        RawEslClient.Frame b = c.await(f -> f.isEvent("CHANNEL_PARK") && ("loopback/" + exten + "-b").equals(f.ev("Channel-Name")));
        c.api("uuid_answer " + b.ev("Unique-ID"));
        RawEslClient.Frame a = c.await(f -> f.isEvent("CHANNEL_PARK") && ("loopback/" + exten + "-a").equals(f.ev("Channel-Name")));
        return new String[] {a.ev("Unique-ID"), b.ev("Unique-ID")};
    }

    private static List<String> values(RawEslClient.Frame f, String name) {
        List<String> out = new ArrayList<>();
        for (String[] h : f.event()) {
            if (h[0].equals(name)) {
                out.add(h[1]);
            }
        }
        return out;
    }

    @Test
    void theCommandEventIsNumberedWhenQueuedAndCompletedByThePrivateCommandAfterTheApp() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String a = answeredPair(c, "6100")[0];
            c.api("uuid_broadcast " + a + " playback::silence_stream://100 aleg");
            RawEslClient.Frame exec = c.await(f -> f.isEvent("CHANNEL_EXECUTE") && a.equals(f.ev("Unique-ID")));
            RawEslClient.Frame cmd = c.await(f -> f.isEvent("COMMAND") && a.equals(f.ev("Unique-ID")));
            assertEquals(List.of("COMMAND", "PRIVATE_COMMAND"), values(cmd, "Event-Name"));
            List<String> seqs = values(cmd, "Event-Sequence");
            long execSeq = Long.parseLong(exec.ev("Event-Sequence"));
            assertTrue(Long.parseLong(seqs.get(0)) < execSeq && Long.parseLong(seqs.get(1)) > execSeq,
                    "COMMAND numbered at queue time, PRIVATE_COMMAND after the app (capture c: 502 < 503 ... 507): " + seqs);
            assertEquals(List.of("execute", "playback", "silence_stream://100", "true", "5"),
                    List.of(cmd.ev("call-command"), cmd.ev("execute-app-name"), cmd.ev("execute-app-arg"),
                            cmd.ev("event-lock"), cmd.ev("lead-frames")));
            c.api("hupall");
        }
    }

    @Test
    void aLegParkedWithoutMediaRunsTheBroadcastWithoutTheEcho() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = fs.injectInboundCall("2000", Map.of());
            c.await(f -> f.isEvent("CHANNEL_PARK") && u.equals(f.ev("Unique-ID")));
            c.api("uuid_broadcast " + u + " set::x=1 aleg");
            List<String> after = new ArrayList<>();
            c.await(f -> {
                if (f.type().startsWith("text/event")) {
                    after.add(f.ev("Event-Name"));
                }
                return f.isEvent("CHANNEL_EXECUTE_COMPLETE") && u.equals(f.ev("Unique-ID")) && "set".equals(f.ev("Application"));
            });
            c.api("uuid_kill " + u);
            c.await(f -> {
                if (f.type().startsWith("text/event")) {
                    after.add(f.ev("Event-Name"));
                }
                return f.isEvent("CHANNEL_DESTROY") && u.equals(f.ev("Unique-ID"));
            });
            assertFalse(after.contains("COMMAND") || after.contains("PRIVATE_COMMAND"), "capture e: no echo: " + after);
        }
    }

    @Test
    void sendmsgOnALegWithMediaIsEchoedAsPrivateCommandAndWithoutMediaNot() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String a = answeredPair(c, "6400")[0];
            c.send("sendmsg " + a + "\ncall-command: execute\nexecute-app-name: set\nexecute-app-arg: k=v\n\n");
            c.reply();
            RawEslClient.Frame pc = c.await(f -> f.isEvent("PRIVATE_COMMAND") && a.equals(f.ev("Unique-ID")));
            assertEquals(List.of("set", "k=v"), List.of(pc.ev("execute-app-name"), pc.ev("execute-app-arg")));
            c.api("hupall");
        }
    }

    @Test
    void bangCauseHangsTheLegUpAfterTheApplication() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String a = answeredPair(c, "6200")[0];
            c.api("uuid_broadcast " + a + " playback!USER_BUSY::silence_stream://50 aleg");
            RawEslClient.Frame played = c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && a.equals(f.ev("Unique-ID")));
            assertEquals("playback", played.ev("Application"));
            RawEslClient.Frame hangup = c.await(f -> f.isEvent("CHANNEL_HANGUP") && a.equals(f.ev("Unique-ID")));
            assertEquals("USER_BUSY", hangup.ev("Hangup-Cause"));
        }
    }

    @Test
    void blegAndBothQueueOnTheBridgedPeerAndDefaultHoldsThePeerWithMusic() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String a = answeredPair(c, "6300")[0];
            String x = answeredPair(c, "6301")[0];
            assertTrue(c.api("uuid_bridge " + a + " " + x).startsWith("+OK"));
            c.await(f -> f.isEvent("CHANNEL_BRIDGE"));
            c.api("uuid_broadcast " + a + " set::where=b bleg");
            c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && x.equals(f.ev("Unique-ID")) && "set".equals(f.ev("Application")));
            assertEquals("b", c.api("uuid_getvar " + x + " where"));
            assertEquals("_undef_", c.api("uuid_getvar " + a + " where"));
            c.api("uuid_broadcast " + a + " set::both=1 both");
            c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && a.equals(f.ev("Unique-ID")) && "set".equals(f.ev("Application")));
            assertEquals("1", c.api("uuid_getvar " + x + " both"));

            c.api("uuid_broadcast " + a + " silence_stream://300");
            RawEslClient.Frame moh = c.await(f -> f.isEvent("CHANNEL_EXECUTE") && x.equals(f.ev("Unique-ID")));
            assertEquals("local_stream://moh", moh.ev("Application-Data"), "the peer hears the hold music");
            RawEslClient.Frame aDone = c.await(f -> f.isEvent("CHANNEL_EXECUTE_COMPLETE") && a.equals(f.ev("Unique-ID")));
            assertEquals("silence_stream://300", aDone.ev("Application-Data"));
            RawEslClient.Frame mohDone = c.await(f -> f.isEvent("PLAYBACK_STOP") && x.equals(f.ev("Unique-ID")));
            assertEquals("break", mohDone.ev("Playback-Status"), "the hold music stops when the broadcast ends");
            assertTrue(fs.channel(a).isPresent() && fs.channel(x).isPresent(), "the bridge stays up");
            c.api("hupall");
        }
    }
}
