package io.switchio.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator conformance cases S1-S19 of esl-protocol.md §16.4, and the listener commands. */
class EslConformanceIT {
    private static FreeSwitchSimulator fs;

    @BeforeAll
    static void start() {
        fs = FreeSwitchSimulator.builder().heartbeatInterval(Duration.ofMillis(300)).build().start();
    }

    @AfterAll
    static void stop() {
        fs.close();
    }

    /** Every byte the server writes until it closes, after sending {@code input}. */
    private static String exchange(String input) throws Exception {
        try (Socket s = new Socket("127.0.0.1", fs.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static final String AUTH_REQ = "Content-Type: auth/request\n\n";
    private static final String BYE = "Content-Type: command/reply\nReply-Text: +OK bye\n\n"
            + "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
            + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";
    private static final String OK = "Content-Type: command/reply\nReply-Text: +OK accepted\n\n";

    @Test
    void s1s2s19_authRequestAcceptedAndExit() throws Exception {
        assertEquals(AUTH_REQ + OK + BYE, exchange("auth ClueCon\n\nexit\n\n"));
    }

    @Test
    void s3_wrongPasswordCloses() throws Exception {
        assertEquals(AUTH_REQ + "Content-Type: command/reply\nReply-Text: -ERR invalid\n\n"
                + "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
                + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n", exchange("auth nope\n\n"));
    }

    @Test
    void s4s5s10_beforeAuthLeadingBlankLinesCrlfAndPipelining() throws Exception {
        assertEquals(AUTH_REQ + "Content-Type: command/reply\nReply-Text: -ERR command not found\n\n" + OK + BYE,
                exchange("api status\n\n\n\nauth ClueCon\r\n\r\nexit\n\n"));
    }

    @Test
    void s6_silentClientIsDisconnected() throws Exception {
        try (FreeSwitchSimulator quick = FreeSwitchSimulator.builder().firstCommandTimeout(Duration.ofMillis(200))
                .build().start();
             Socket s = new Socket("127.0.0.1", quick.port())) {
            s.setSoTimeout(10_000);
            String out = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(AUTH_REQ + "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
                    + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n", out);
        }
    }

    @Test
    void s7s8_eventKeywordsAndFormatQuirk() throws Exception {
        String out = exchange("auth ClueCon\n\nevent plain NOT_AN_EVENT\n\nevent json\n\nevent CHANNEL_ANSWER\n\nexit\n\n");
        assertEquals(AUTH_REQ + OK + "Content-Type: command/reply\nReply-Text: -ERR no keywords supplied\n\n"
                + "Content-Type: command/reply\nReply-Text: -ERR no keywords supplied\n\n"
                + "Content-Type: command/reply\nReply-Text: +OK event listener enabled json\n\n" + BYE, out);
    }

    @Test
    void s9_heartbeatFramedLengthFirst() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            RawEslClient.Frame f = c.await(x -> x.isEvent("HEARTBEAT"));
            assertEquals("[Content-Length, Content-Type]", f.headers().keySet().toString());
            assertEquals("System Ready", f.ev("Event-Info"));
        }
    }

    @Test
    void s11_bgapiHonoursJobUuidAndRepliesFirst() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "BACKGROUND_JOB")) {
            c.send("bgapi originate error/user_busy &park()\nJob-UUID: my-job\n\n");
            RawEslClient.Frame r = c.next();
            assertEquals("+OK Job-UUID: my-job", r.headers().get("Reply-Text"));
            assertEquals("my-job", r.headers().get("Job-UUID"));
            RawEslClient.Frame job = c.next();
            assertEquals("my-job", job.ev("Job-UUID"));
            assertTrue(job.body().endsWith("\n\n-ERR USER_BUSY\n"), job.body());
        }
    }

    @Test
    void s12s13s14s15_errorTexts() throws Exception {
        String zero = "00000000-0000-0000-0000-000000000000";
        String out = exchange("auth ClueCon\n\nsendmsg " + zero + "\ncall-command: execute\nexecute-app-name: answer\n\n"
                + "api uuid_getvar " + zero + " x\n\napi nosuchapi\n\nfoo\n\nexit\n\n");
        assertEquals(AUTH_REQ + OK + "Content-Type: command/reply\nReply-Text: -ERR invalid session id [" + zero + "]\n\n"
                + "Content-Type: api/response\nContent-Length: 22\n\n-ERR No such channel!\n"
                + "Content-Type: api/response\nContent-Length: 34\n\n-ERR nosuchapi Command not found!\n"
                + "Content-Type: command/reply\nReply-Text: -ERR command not found\n\n" + BYE, out);
    }

    @Test
    void s16_positiveFilterHidesOtherEvents() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            c.send("filter Unique-ID u1\n\n");
            assertEquals("+OK filter added. [Unique-ID]=[u1]", c.reply().headers().get("Reply-Text"));
            c.send("filter Event-Name BACKGROUND_JOB\n\n");
            c.reply();
            c.frames.clear();
            c.send("bgapi status\n\n");
            c.reply();
            RawEslClient.Frame f = c.next();
            assertEquals("BACKGROUND_JOB", f.ev("Event-Name"), "only the admitted event arrives, no HEARTBEAT");
        }
    }

    @Test
    void s17_negativeOnlyFilterDeliversNothing() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            c.send("filter Event-Name -HEARTBEAT\n\n");
            assertEquals("+OK filter added. [Event-Name]=[-HEARTBEAT]", c.reply().headers().get("Reply-Text"));
            c.frames.clear();
            c.send("bgapi status\n\napi status\n\n");
            c.reply();
            c.reply();
            Thread.sleep(700);
            assertTrue(c.frames.stream().noneMatch(f -> f.type().startsWith("text/event")), "no events at all");
        }
    }

    @Test
    void s18_oversizedContentLengthDropsWithoutReply() throws Exception {
        String out = exchange("auth ClueCon\n\nsendevent CUSTOM\nContent-Length: 16777217\n\n");
        assertEquals(AUTH_REQ + OK + "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
                + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n", out);
    }

    @Test
    void listenerCommandReplies() throws Exception {
        String out = exchange("auth ClueCon\n\nnoevents\n\nevent plain CHANNEL_CREATE\n\nnixevent CHANNEL_CREATE\n\n"
                + "noevents\n\nlog info\n\nnolog\n\nnolog\n\nlog bogus\n\nlinger\n\nfilter delete all\n\nmyevents\n\n"
                + "myevents\n\nexit\n\n");
        String[] want = {"-ERR not listening for events", "+OK event listener enabled plain", "+OK events nixed",
            "+OK no longer listening for events", "+OK log level info [6]", "+OK no longer logging", "-ERR not loging",
            "-ERR invalid log level", "-ERR not controlling a session", "+OK filter deleted. [all][]",
            "+OK Events Enabled", "+OK Events Enabled"};
        int at = 0;
        for (String w : want) {
            int i = out.indexOf("Reply-Text: " + w + "\n", at);
            assertTrue(i >= 0, "missing reply " + w + " in\n" + out);
            at = i;
        }
    }

    @Test
    void sendeventEchoesUuidAndReachesSubscribers() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "CUSTOM myapp::ping")) {
            c.send("sendevent CUSTOM\nEvent-Subclass: myapp::ping\nFoo: bar baz\n\n");
            String reply = c.reply().headers().get("Reply-Text");
            RawEslClient.Frame e = c.await(f -> f.isEvent("CUSTOM"));
            assertEquals("+OK " + e.ev("Event-UUID"), reply);
            assertEquals("Event-Subclass", e.event().get(0)[0]);
            assertEquals("bar baz", e.ev("Foo"));
            assertEquals("sendevent CUSTOM\nEvent-Subclass: myapp::ping\nFoo: bar baz\n\n", e.ev("Command"));
        }
    }

    @Test
    void aclRejectionIsRude() throws Exception {
        try (FreeSwitchSimulator rude = FreeSwitchSimulator.builder().aclReject(true).build().start();
             Socket s = new Socket("127.0.0.1", rude.port())) {
            s.setSoTimeout(10_000);
            String out = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("Content-Type: text/rude-rejection\nContent-Length: 24\n\nAccess Denied, go away.\n"
                    + "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
                    + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n", out);
        }
    }

    @Test
    void userauthAndJsonEvents() throws Exception {
        try (RawEslClient c = new RawEslClient(fs.port())) {
            c.next();
            c.send("userauth 1000@default:ClueCon\n\n");
            RawEslClient.Frame r = c.reply();
            assertEquals("+OK accepted", r.headers().get("Reply-Text"));
            assertEquals("all", r.headers().get("Allowed-Events"));
            c.send("event json BACKGROUND_JOB\n\nbgapi status\n\n");
            c.reply();
            c.reply();
            RawEslClient.Frame job = c.await(f -> f.type().equals("text/event-json"));
            assertTrue(job.body().startsWith("{\"Event-Name\":\"BACKGROUND_JOB\""), job.body());
            assertTrue(job.body().contains("\"_body\":\"UP "), job.body());
        }
    }
}
