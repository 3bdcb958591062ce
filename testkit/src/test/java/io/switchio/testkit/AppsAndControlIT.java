package io.switchio.testkit;

import io.switchio.testkit.junit.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remaining apps and control commands: early media, ringing, echo/sleep/speak, loops, logs, formats, arrivals. */
@SimulatorTest(speed = 20)
class AppsAndControlIT {
    /** Started once for the class and injected by {@link SimulatorTest}. */
    private static FreeSwitchSimulator fs;

    private static void execute(RawEslClient c, String uuid, String app, String arg) throws Exception {
        c.send("sendmsg " + uuid + "\ncall-command: execute\nexecute-app-name: " + app
                + (arg == null ? "" : "\nexecute-app-arg: " + arg) + "\n\n");
        assertEquals("+OK", c.reply().headers().get("Reply-Text"));
    }

    private static RawEslClient.Frame event(RawEslClient c, String name, String uuid) throws Exception {
        return c.await(f -> f.isEvent(name) && (uuid == null || uuid.equals(f.ev("Unique-ID"))));
    }

    private static String parked(RawEslClient c) throws Exception {
        String uuid = fs.injectInboundCall("2000", Map.of());
        event(c, "CHANNEL_PARK", uuid);
        return uuid;
    }

    @Test
    void earlyMediaCompletesAnOriginateUnlessIgnored() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            c.send("bgapi originate loopback/4000 &park()\n\n");
            c.reply();
            RawEslClient.Frame b = c.await(f -> f.isEvent("CHANNEL_PARK") && "loopback/4000-b".equals(f.ev("Channel-Name")));
            execute(c, b.ev("Unique-ID"), "ring_ready", null);
            assertEquals("RINGING", event(c, "CHANNEL_PROGRESS", b.ev("Unique-ID")).ev("Channel-Call-State"));
            execute(c, b.ev("Unique-ID"), "pre_answer", null);
            assertEquals("early", event(c, "CHANNEL_PROGRESS_MEDIA", b.ev("Unique-ID")).ev("Answer-State"));
            assertTrue(c.await(f -> f.isEvent("BACKGROUND_JOB")).body().contains("+OK "), "early media is success");
            c.send("bgapi originate {ignore_early_media=true,originate_timeout=1}loopback/4001 &park()\n\n");
            c.reply();
            RawEslClient.Frame b2 = c.await(f -> f.isEvent("CHANNEL_PARK") && "loopback/4001-b".equals(f.ev("Channel-Name")));
            execute(c, b2.ev("Unique-ID"), "pre_answer", null);
            assertTrue(c.await(f -> f.isEvent("BACKGROUND_JOB")).body().endsWith("-ERR NO_ANSWER\n"));
            c.api("hupall");
        }
    }

    @Test
    void simultaneousLegsRaceAndTheLoserGetsLoseRace() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            c.send("bgapi originate loopback/5001,loopback/5002 &park()\n\n");
            c.reply();
            RawEslClient.Frame b2 = c.await(f -> f.isEvent("CHANNEL_PARK") && "loopback/5002-b".equals(f.ev("Channel-Name")));
            c.api("uuid_answer " + b2.ev("Unique-ID"));
            RawEslClient.Frame job = c.await(f -> f.isEvent("BACKGROUND_JOB"));
            RawEslClient.Frame loser = c.await(f -> f.isEvent("CHANNEL_HANGUP") && "loopback/5001-a".equals(f.ev("Channel-Name")));
            assertEquals("LOSE_RACE", loser.ev("Hangup-Cause"));
            String winner = job.body().substring(job.body().lastIndexOf("+OK ") + 4).trim();
            assertEquals("loopback/5002-a", fs.channel(winner).orElseThrow().name());
            c.api("hupall");
        }
    }

    @Test
    void withoutEventLockASecondExecuteRunsNestedWithItLocksQueue() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE CHANNEL_PARK")) {
            String u = parked(c);
            for (String lock : new String[] {"false", "true"}) {
                c.frames.clear();
                c.send("sendmsg " + u + "\ncall-command: execute\nexecute-app-name: playback\n"
                        + "execute-app-arg: silence_stream://2000\nEvent-UUID: outer\nevent-lock: " + lock + "\n\n");
                c.reply();
                c.await(f -> f.isEvent("CHANNEL_EXECUTE") && "outer".equals(f.ev("Application-UUID")));
                c.send("sendmsg " + u + "\ncall-command: execute\nexecute-app-name: playback\n"
                        + "execute-app-arg: silence_stream://200\nEvent-UUID: inner\n\n");
                c.reply();
                List<String> order = new ArrayList<>();
                while (order.size() < 3) {
                    RawEslClient.Frame f = c.next();
                    if (f.type().startsWith("text/event")) {
                        order.add(f.ev("Event-Name").replace("CHANNEL_", "") + ":" + f.ev("Application-UUID"));
                    }
                }
                List<String> want = lock.equals("false")
                        ? List.of("EXECUTE:inner", "EXECUTE_COMPLETE:inner", "EXECUTE_COMPLETE:outer")
                        : List.of("EXECUTE_COMPLETE:outer", "EXECUTE:inner", "EXECUTE_COMPLETE:inner");
                assertEquals(want, order, "event-lock: " + lock);
            }
            c.api("uuid_kill " + u);
        }
    }

    @Test
    void inlineTransferAndXferextRunTheirSteps() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = fs.injectInboundCall("2000", Map.of("caller_id_number", "1001", "caller_id_name", "Ann"));
            RawEslClient.Frame park = event(c, "CHANNEL_PARK", u);
            assertEquals("Ann", park.ev("Caller-Caller-ID-Name"));
            assertEquals("1001", park.ev("Caller-Caller-ID-Number"));
            assertEquals("+OK\n", c.api("uuid_transfer " + u + " 'set:x=1,playback:silence_stream://100,park' inline"));
            assertEquals("set", event(c, "CHANNEL_EXECUTE", u).ev("Application"));
            assertEquals("playback", event(c, "CHANNEL_EXECUTE", u).ev("Application"));
            event(c, "CHANNEL_PARK", u);
            c.send("sendmsg " + u + "\ncall-command: xferext\napplication: answer\napplication: hangup USER_BUSY\n\n");
            c.reply();
            assertEquals("answer", event(c, "CHANNEL_EXECUTE", u).ev("Application"));
            assertEquals("USER_BUSY", event(c, "CHANNEL_HANGUP", u).ev("Hangup-Cause"));
        }
    }

    @Test
    void originateToAnInlineExtension() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "CHANNEL_EXECUTE BACKGROUND_JOB")) {
            c.send("bgapi originate loopback/app=answer 'set:greeted=yes,playback:silence_stream://100,hangup' inline\n\n");
            c.reply();
            RawEslClient.Frame set = c.await(f -> f.isEvent("CHANNEL_EXECUTE") && "set".equals(f.ev("Application")));
            assertEquals("loopback/app=answer-a", set.ev("Channel-Name"));
            assertEquals("playback", c.await(f -> f.isEvent("CHANNEL_EXECUTE")).ev("Application"));
            assertEquals("hangup", c.await(f -> f.isEvent("CHANNEL_EXECUTE")).ev("Application"));
        }
    }

    @Test
    void echoSleepSpeakExportDeflectAndLoops() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = parked(c);
            execute(c, u, "sleep", "1000");
            assertEquals("sleep", event(c, "CHANNEL_EXECUTE_COMPLETE", u).ev("Application"));
            execute(c, u, "echo", null);
            event(c, "CHANNEL_EXECUTE", u);
            c.api("uuid_break " + u);
            assertEquals("echo", event(c, "CHANNEL_EXECUTE_COMPLETE", u).ev("Application"));
            execute(c, u, "speak", "flite|kal|Hello there");
            assertEquals("speak", event(c, "CHANNEL_EXECUTE_COMPLETE", u).ev("Application"));
            execute(c, u, "export", "team=blue");
            event(c, "CHANNEL_EXECUTE_COMPLETE", u);
            assertEquals("blue", c.api("uuid_getvar " + u + " team"));
            c.send("sendmsg " + u + "\ncall-command: execute\nexecute-app-name: playback\n"
                    + "execute-app-arg: silence_stream://600\nloops: 2\n\n");
            c.reply();
            event(c, "PLAYBACK_STOP", u);
            event(c, "PLAYBACK_STOP", u);
            execute(c, u, "speak", "no voice");
            assertEquals("DESTINATION_OUT_OF_ORDER", event(c, "CHANNEL_HANGUP", u).ev("Hangup-Cause"));
            String d = parked(c);
            execute(c, d, "deflect", "sip:elsewhere@127.0.0.1");
            assertEquals("BLIND_TRANSFER", event(c, "CHANNEL_HANGUP", d).ev("Hangup-Cause"));
        }
    }

    @Test
    void parkTransferMediaAndFsctl() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = parked(c);
            assertEquals("+OK\n", c.api("uuid_park " + u));
            assertEquals("CS_PARK", event(c, "CHANNEL_STATE", u).ev("Channel-State"));
            assertEquals("+OK\n", c.api("uuid_transfer " + u + " 3000 XML default"));
            assertEquals("+OK Success\n", c.api("uuid_audio " + u + " start read mute -4"));
            assertEquals("+OK Success\n", c.api("uuid_media " + u));
            assertEquals("-ERR No such channel!\n", c.api("uuid_park 00000000-0000-0000-0000-000000000000"));
            assertEquals("+OK sessions per second: 30\n", c.api("fsctl sps 30"));
            assertEquals("+OK verbose_events is on\n", c.api("fsctl verbose_events on"));
            c.api("uuid_setvar " + u + " shown yes");
            c.api("uuid_answer " + u);
            assertEquals("yes", event(c, "CHANNEL_CALLSTATE", u).ev("variable_shown"), "verbose events carry variables");
            c.api("fsctl verbose_events off");
            c.api("fsctl sps 0");
            c.api("uuid_kill " + u);
        }
    }

    @Test
    void fsctlLoglevelReadsAndSetsTheSwitchLevel() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            assertEquals("+OK log level: DEBUG [7]\n", c.api("fsctl loglevel"), "FreeSWITCH's default");
            assertEquals("+OK log level: WARNING [4]\n", c.api("fsctl loglevel warning"));
            assertEquals("+OK log level: WARNING [4]\n", c.api("fsctl loglevel"), "the level is kept");
            assertEquals("+OK log level: ERR [3]\n", c.api("fsctl loglevel 3"));
            assertEquals("+OK log level: DEBUG [7]\n", c.api("fsctl loglevel 9"), "numbers above 7 are clamped");
            assertEquals("-ERR syntax error, log level not set!\n", c.api("fsctl loglevel loud"));
            assertEquals("+OK log level: DEBUG [7]\n", c.api("fsctl loglevel"), "a refused level changes nothing");
        }
    }

    @Test
    void stopRecordSessionClosesAValidWav(@TempDir Path dir) throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            String u = parked(c);
            Path wav = dir.resolve("sub/call.wav");
            execute(c, u, "record_session", wav.toString());
            event(c, "RECORD_START", u);
            assertTrue(Files.notExists(wav), "the file is written when the recording stops");
            execute(c, u, "stop_record_session", wav.toString());
            RawEslClient.Frame stop = event(c, "RECORD_STOP", u);
            assertEquals(wav.toString(), stop.ev("Record-File-Path"));
            assertEquals("success", stop.ev("Record-Completion-Cause"));
            assertEquals(wav.toString(), event(c, "MEDIA_BUG_STOP", u).ev("Media-Bug-Target"));
            assertEquals("stop_record_session", event(c, "CHANNEL_EXECUTE_COMPLETE", u).ev("Application"));
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals("RIFF", new String(b.array(), 0, 4, StandardCharsets.US_ASCII));
            assertEquals(b.capacity() - 8, b.getInt(4), "RIFF chunk size");
            assertEquals("WAVEfmt ", new String(b.array(), 8, 8, StandardCharsets.US_ASCII));
            assertEquals(1, b.getShort(20), "PCM");
            assertEquals(1, b.getShort(22), "mono");
            assertEquals(8000, b.getInt(24), "sample rate");
            assertEquals(16, b.getShort(34), "bits per sample");
            assertEquals("data", new String(b.array(), 36, 4, StandardCharsets.US_ASCII));
            assertEquals(b.capacity() - 44, b.getInt(40), "data chunk size");
            String ms = c.api("uuid_getvar " + u + " record_ms");
            assertEquals(Long.parseLong(ms) * 16, b.getInt(40), "the data is as long as record_ms says");
            execute(c, u, "stop_record_session", wav.toString());
            assertEquals("stop_record_session", event(c, "CHANNEL_EXECUTE_COMPLETE", u).ev("Application"));
            c.api("uuid_kill " + u);
        }
    }

    @Test
    void logLinesFlowAfterLog() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            c.send("log debug\n\n");
            assertEquals("+OK log level debug [7]", c.reply().headers().get("Reply-Text"));
            String u = fs.injectInboundCall("2000", Map.of());
            RawEslClient.Frame line = c.await(f -> f.type().equals("log/data") && f.body().contains("New Channel"));
            assertEquals("5", line.headers().get("Log-Level"));
            assertEquals(u, line.headers().get("User-Data"));
            assertTrue(line.body().contains("[NOTICE] switch_core_state_machine.c:626 New Channel sofia/external/"));
            c.api("uuid_kill " + u);
        }
    }

    @Test
    void xmlFormatAndNixeventAfterAll() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            c.send("event xml ALL\n\nnixevent HEARTBEAT RE_SCHEDULE API\n\n");
            c.reply();
            assertEquals("+OK events nixed", c.reply().headers().get("Reply-Text"));
            c.send("bgapi create_uuid\n\n");
            c.reply();
            RawEslClient.Frame f = c.await(x -> x.type().equals("text/event-xml"));
            assertTrue(f.body().startsWith("<event>\n  <headers>\n    <Event-Name>BACKGROUND_JOB</Event-Name>\n"), f.body());
        }
    }

    @Test
    void inboundArrivalsLandParked() throws Exception {
        try (FreeSwitchSimulator busy = FreeSwitchSimulator.builder().speed(10).inboundArrivals(50, "7000")
                .heartbeatInterval(Duration.ofSeconds(60)).build().start();
             RawEslClient c = RawEslClient.login(busy, "CHANNEL_PARK")) {
            RawEslClient.Frame park = c.await(f -> f.isEvent("CHANNEL_PARK"));
            assertEquals("7000", park.ev("Caller-Destination-Number"));
            assertEquals("switchio", park.ev("Caller-Context"));
        }
    }
}
