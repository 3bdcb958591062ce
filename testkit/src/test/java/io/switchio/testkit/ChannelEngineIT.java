package io.switchio.testkit;

import io.switchio.testkit.junit.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channel engine over real TCP with a plain ESL client: originate, apps, API commands. */
@SimulatorTest(speed = 20)
class ChannelEngineIT {
    /** Started once for the class and injected by {@link SimulatorTest}. */
    private static FreeSwitchSimulator fs;

    private static RawEslClient.Frame event(RawEslClient c, String name, String uuid) throws Exception {
        return c.await(f -> f.isEvent(name) && (uuid == null || uuid.equals(f.ev("Unique-ID"))));
    }

    private static String parkedInbound(RawEslClient c, Map<String, String> vars) throws Exception {
        String uuid = fs.injectInboundCall("2000", vars);
        event(c, "CHANNEL_PARK", uuid);
        return uuid;
    }

    @Test
    void loopbackOriginateWithOriginationUuidRenamesTheLeg() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = "11111111-2222-4333-8444-555555555555";
            c.send("bgapi originate {origination_uuid=" + u + "}loopback/9999/default &park()\n\n");
            c.reply();
            RawEslClient.Frame renamed = event(c, "CHANNEL_UUID", u);
            assertFalse(renamed.ev("Old-Unique-ID").equals(u));
            RawEslClient.Frame b = event(c, "CHANNEL_PARK", null);
            assertEquals("loopback/9999-b", b.ev("Channel-Name"));
            assertEquals("+OK\n", c.api("uuid_answer " + b.ev("Unique-ID")));
            RawEslClient.Frame job = c.await(f -> f.isEvent("BACKGROUND_JOB"));
            assertTrue(job.body().endsWith("+OK " + u + "\n"), job.body());
            event(c, "CHANNEL_PARK", u);
            assertEquals("+OK\n", c.api("uuid_kill " + u));
            event(c, "CHANNEL_DESTROY", b.ev("Unique-ID"));
        }
    }

    @Test
    void sofiaToOwnProfileLoopsBackWithTheXHeader() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            c.send("bgapi originate {sip_h_X-Test-Id=abc123,origination_caller_id_number=1000}"
                    + "sofia/external/2000@127.0.0.1:5080;fs_path=sip:127.0.0.1 &park()\n\n");
            c.reply();
            RawEslClient.Frame in = c.await(f -> f.isEvent("CHANNEL_CREATE") && "inbound".equals(f.ev("Call-Direction")));
            assertEquals("abc123", in.ev("variable_sip_h_X-Test-Id"));
            assertEquals("sofia/external/1000@127.0.0.1", in.ev("Channel-Name"));
            event(c, "CHANNEL_PARK", in.ev("Unique-ID"));
            assertEquals("+OK\n", c.api("uuid_answer " + in.ev("Unique-ID")));
            RawEslClient.Frame job = c.await(f -> f.isEvent("BACKGROUND_JOB"));
            String out = job.body().substring(job.body().lastIndexOf("+OK ") + 4).trim();
            assertEquals(out, fs.channel(in.ev("Unique-ID")).orElseThrow().peerUuid());
            c.api("uuid_kill " + out);
            event(c, "CHANNEL_HANGUP_COMPLETE", in.ev("Unique-ID"));
        }
    }

    @Test
    void theLoopedBackLegRejectingFailsTheOriginateWithItsCause() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            c.send("bgapi originate {sip_h_X-Case=reject}sofia/internal/3000@127.0.0.1:5060 &park()\n\n");
            c.reply();
            RawEslClient.Frame in = c.await(f -> f.isEvent("CHANNEL_PARK") && "reject".equals(f.ev("variable_sip_h_X-Case")));
            assertEquals("sofia/internal/0000000000@127.0.0.1", in.ev("Channel-Name"));
            c.send("sendmsg " + in.ev("Unique-ID") + "\ncall-command: execute\nexecute-app-name: respond\n"
                    + "execute-app-arg: 486\n\n");
            c.reply();
            RawEslClient.Frame job = c.await(f -> f.isEvent("BACKGROUND_JOB"));
            assertTrue(job.body().endsWith("-ERR USER_BUSY\n"), job.body());
        }
    }

    @Test
    void originateFailuresUseFreeswitchWords() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            assertEquals("-ERR CHAN_NOT_IMPLEMENTED\n", c.api("originate bogus/1000 &park()"));
            assertEquals("-ERR INVALID_PROFILE\n", c.api("originate sofia/nosuchprofile/1000@127.0.0.1 &park()"));
            assertEquals("-ERR USER_BUSY\n", c.api("originate error/user_busy &park()"));
            assertEquals("-ERR USER_NOT_REGISTERED\n", c.api("originate user/1000 &park()"));
            assertEquals("-ERR NORMAL_TEMPORARY_FAILURE\n", c.api("originate sofia/external/1@127.0.0.1:5999 &park()"));
            assertTrue(c.api("originate onlyone").startsWith("-USAGE: <call url>"));
            assertEquals("-ERR NO_ANSWER\n", c.api("originate {originate_timeout=2}loopback/1000 &park()"));
            assertEquals("-ERR USER_BUSY\n", c.api("originate error/user_busy|error/no_answer &park()").equals("-ERR NO_ANSWER\n")
                    ? "-ERR USER_BUSY\n" : "wrong failover result");
        }
    }

    @Test
    void playbackSequenceWithApplicationUuid() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = parkedInbound(c, Map.of());
            c.send("sendmsg " + u + "\ncall-command: execute\nexecute-app-name: playback\n"
                    + "execute-app-arg: tone_stream://%(1000,0,440)\nEvent-UUID: E1\nevent-lock: true\n\n");
            assertEquals("+OK", c.reply().headers().get("Reply-Text"));
            List<String> seen = new ArrayList<>();
            for (String n : List.of("CHANNEL_EXECUTE", "PLAYBACK_START", "PLAYBACK_STOP", "CHANNEL_EXECUTE_COMPLETE")) {
                RawEslClient.Frame f = event(c, n, u);
                seen.add(n + ":" + f.ev("Application-UUID"));
                if (n.equals("CHANNEL_EXECUTE_COMPLETE")) {
                    assertEquals("FILE PLAYED", f.ev("Application-Response"));
                }
            }
            assertEquals(List.of("CHANNEL_EXECUTE:E1", "PLAYBACK_START:null", "PLAYBACK_STOP:null",
                    "CHANNEL_EXECUTE_COMPLETE:E1"), seen);
            c.send("sendmsg " + u + "\ncall-command: execute\nexecute-app-name: playback\nexecute-app-arg: /no/such.wav\n\n");
            assertEquals("FILE NOT FOUND", event(c, "CHANNEL_EXECUTE_COMPLETE", u).ev("Application-Response"));
            c.api("uuid_kill " + u);
        }
    }

    @Test
    void endlessPlaybackUntilBreakAndDtmfOnPeer() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = parkedInbound(c, Map.of());
            c.api("uuid_answer " + u);
            assertEquals("+OK Message sent\n", c.api("uuid_broadcast " + u + " endless_playback::tone_stream://%(100,100,350)"));
            event(c, "PLAYBACK_START", u);
            assertEquals("+OK\n", c.api("uuid_break " + u));
            assertEquals("break", event(c, "PLAYBACK_STOP", u).ev("Playback-Status"));
            assertEquals("+OK " + u + " received DTMF 12.\n", c.api("uuid_recv_dtmf " + u + " 12"));
            assertEquals("1", event(c, "DTMF", u).ev("DTMF-Digit"));
            c.api("uuid_broadcast " + u + " playback::tone_stream://%(10000,0,350)");
            event(c, "PLAYBACK_START", u);
            c.api("uuid_recv_dtmf " + u + " 5*");
            assertEquals("5", event(c, "DTMF", u).ev("DTMF-Digit"));
            assertEquals("*", event(c, "DTMF", u).ev("DTMF-Digit"));
            RawEslClient.Frame stop = event(c, "PLAYBACK_STOP", u);
            assertEquals("break", stop.ev("Playback-Status"));
            assertEquals("*", stop.ev("variable_playback_terminator_used"));
            c.api("uuid_kill " + u);
        }
    }

    @Test
    void variablesAppsAndApis() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = parkedInbound(c, Map.of("sip_h_X-Corr", "42"));
            assertEquals("42", c.api("uuid_getvar " + u + " sip_h_X-Corr"));
            assertEquals("+OK\n", c.api("uuid_setvar " + u + " foo bar baz"));
            assertEquals("bar baz", c.api("uuid_getvar " + u + " foo"));
            assertEquals("+OK\n", c.api("uuid_setvar_multi " + u + " a=1;b=2"));
            assertEquals("2", c.api("uuid_getvar " + u + " b"));
            assertEquals("_undef_", c.api("uuid_getvar " + u + " nothing"));
            for (String[] app : new String[][] {{"set", "x=1"}, {"multiset", "y=2 z=3"}, {"unset", "x"}}) {
                c.send("sendmsg " + u + "\ncall-command: execute\nexecute-app-name: " + app[0] + "\nexecute-app-arg: "
                        + app[1] + "\n\n");
                c.reply();
                event(c, "CHANNEL_EXECUTE_COMPLETE", u);
            }
            assertEquals("_undef_", c.api("uuid_getvar " + u + " x"));
            assertEquals("3", c.api("uuid_getvar " + u + " z"));
            assertEquals("true", c.api("uuid_exists " + u));
            assertTrue(c.api("show channels").contains(u));
            assertTrue(c.api("show channels as json").contains("\"uuid\":\"" + u + "\""));
            assertTrue(c.api("sofia status profile external").contains("BIND-URL         \tsip:mod_sofia@127.0.0.1:5080"));
            assertEquals("sim", c.api("global_getvar hostname"));
            assertTrue(c.api("status").contains("is ready"));
            assertEquals("+OK hangup all channels matching [z]=[3] with cause: MANAGER_REQUEST\n",
                    c.api("hupall MANAGER_REQUEST z 3"));
            assertEquals("MANAGER_REQUEST", event(c, "CHANNEL_HANGUP", u).ev("Hangup-Cause"));
        }
    }

    @Test
    void hangupRespondAndScheduling() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u1 = parkedInbound(c, Map.of());
            c.send("sendmsg " + u1 + "\ncall-command: execute\nexecute-app-name: respond\nexecute-app-arg: 486 Busy Here\n\n");
            c.reply();
            assertEquals("USER_BUSY", event(c, "CHANNEL_HANGUP_COMPLETE", u1).ev("Hangup-Cause"));
            String u2 = parkedInbound(c, Map.of());
            c.send("sendmsg " + u2 + "\ncall-command: hangup\nhangup-cause: CALL_REJECTED\n\n");
            c.reply();
            assertEquals("CALL_REJECTED", event(c, "CHANNEL_HANGUP", u2).ev("Hangup-Cause"));
            String u3 = parkedInbound(c, Map.of());
            assertEquals("+OK\n", c.api("sched_hangup +1 " + u3));
            assertEquals("ALLOTTED_TIMEOUT", event(c, "CHANNEL_HANGUP", u3).ev("Hangup-Cause"));
            String u4 = parkedInbound(c, Map.of());
            String added = c.api("sched_api +100 none uuid_kill " + u4);
            assertTrue(added.startsWith("+OK Added: "), added);
            assertEquals("+OK Deleted\n", c.api("sched_del " + added.substring(11).trim()));
            assertEquals("+OK Message scheduled\n", c.api("sched_broadcast +0 " + u4 + " hangup::USER_BUSY"));
            assertEquals("USER_BUSY", event(c, "CHANNEL_HANGUP", u4).ev("Hangup-Cause"));
        }
    }

    @Test
    void bridgeAppAndUuidBridge() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String a = parkedInbound(c, Map.of());
            c.send("sendmsg " + a + "\ncall-command: execute\nexecute-app-name: bridge\nexecute-app-arg: loopback/3000\n\n");
            c.reply();
            RawEslClient.Frame bPark = c.await(f -> f.isEvent("CHANNEL_PARK") && "loopback/3000-b".equals(f.ev("Channel-Name")));
            c.api("uuid_answer " + bPark.ev("Unique-ID"));
            RawEslClient.Frame br = event(c, "CHANNEL_BRIDGE", a);
            String b = br.ev("Bridge-B-Unique-ID");
            assertEquals(a, br.ev("Bridge-A-Unique-ID"));
            assertEquals("+OK " + a + " sent DTMF 5.\n", c.api("uuid_send_dtmf " + a + " 5"));
            assertEquals("5", event(c, "DTMF", b).ev("DTMF-Digit"));
            c.api("uuid_kill " + b);
            assertEquals(b, event(c, "CHANNEL_UNBRIDGE", a).ev("Bridge-B-Unique-ID"));
            assertEquals("bridge", event(c, "CHANNEL_EXECUTE_COMPLETE", a).ev("Application"));
            String x = parkedInbound(c, Map.of());
            String y = parkedInbound(c, Map.of());
            assertEquals("-ERR Invalid uuid\n", c.api("uuid_bridge " + x + " nosuch"));
            c.api("uuid_answer " + x);
            assertEquals("+OK " + y + "\n", c.api("uuid_bridge " + x + " " + y));
            assertEquals(y, event(c, "CHANNEL_BRIDGE", x).ev("Bridge-B-Unique-ID"));
            c.api("hupall");
        }
    }

    @Test
    void recordingWritesAValidWav(@TempDir Path dir) throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = parkedInbound(c, Map.of());
            Path wav = dir.resolve("rec.wav");
            c.send("sendmsg " + u + "\ncall-command: execute\nexecute-app-name: record_session\nexecute-app-arg: " + wav + "\n\n");
            c.reply();
            assertEquals(wav.toString(), event(c, "RECORD_START", u).ev("Record-File-Path"));
            event(c, "MEDIA_BUG_START", u);
            assertEquals("+OK Success\n", c.api("uuid_record " + u + " stop " + wav));
            event(c, "RECORD_STOP", u);
            byte[] bytes = Files.readAllBytes(wav);
            assertEquals("RIFF", new String(bytes, 0, 4));
            assertEquals("WAVE", new String(bytes, 8, 4));
            c.send("sendmsg " + u + "\ncall-command: execute\nexecute-app-name: bert_test\n\n");
            c.reply();
            assertEquals("mod_bert::in_sync", c.await(f -> f.isEvent("CUSTOM")).ev("Event-Subclass"));
            c.api("uuid_kill " + u);
        }
    }

    @Test
    void myeventsAndLingerOnTheControlledChannel() throws Exception {
        try (RawEslClient w = RawEslClient.login(fs, "CHANNEL_PARK");
             RawEslClient c = RawEslClient.login(fs, null)) {
            String u = parkedInbound(w, Map.of());
            c.send("myevents " + u + "\n\n");
            assertEquals("+OK Events Enabled", c.reply().headers().get("Reply-Text"));
            c.send("linger 1\n\n");
            assertEquals("+OK will linger 1 seconds", c.reply().headers().get("Reply-Text"));
            c.send("api uuid_kill " + u + "\n\n");
            assertTrue(c.closedByServer());
            List<String> notices = new ArrayList<>();
            for (RawEslClient.Frame f : c.all) {
                if (f.type().equals("text/disconnect-notice")) {
                    notices.add(f.headers().get("Content-Disposition") + ":" + f.headers().get("Controlled-Session-UUID"));
                }
            }
            assertEquals(List.of("linger:" + u, "disconnect:" + u), notices);
            assertTrue(c.all.stream().anyMatch(f -> f.isEvent("CHANNEL_HANGUP")), "events flow while lingering");
        }
    }
}
