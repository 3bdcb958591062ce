package io.switchio.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outbound mode (esl-protocol.md §6, conformance S20-S22): the simulator dials the application. */
class OutboundModeIT {
    private static FreeSwitchSimulator fs;

    @BeforeAll
    static void start() {
        fs = FreeSwitchSimulator.builder().speed(10).build().start();
    }

    @AfterAll
    static void stop() {
        fs.close();
    }

    /** Sends a parked inbound call to the socket app and returns the app's side of the connection. */
    private static RawEslClient dialedBy(ServerSocket app, String keywords, String[] uuid) throws Exception {
        try (RawEslClient control = RawEslClient.login(fs, null)) {
            uuid[0] = fs.injectInboundCall("2000", Map.of());
            control.send("api uuid_transfer " + uuid[0] + " 'socket:127.0.0.1:" + app.getLocalPort() + " " + keywords
                    + "' inline\n\n");
            assertEquals("+OK\n", control.reply().body());
        }
        app.setSoTimeout(10_000);
        Socket s = app.accept();
        return new RawEslClient(s);
    }

    @Test
    void s20_connectAnswersWithChannelData() throws Exception {
        String[] uuid = new String[1];
        try (ServerSocket app = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             RawEslClient c = dialedBy(app, "async full", uuid)) {
            c.send("connect\n\n");
            RawEslClient.Frame data = c.next();
            assertEquals("command/reply", data.headers().get("Content-Type"));
            assertEquals("%2BOK%0A", data.headers().get("Reply-Text"));
            assertEquals("async", data.headers().get("Socket-Mode"));
            assertEquals("full", data.headers().get("Control"));
            assertEquals("CHANNEL_DATA", data.headers().get("Event-Name"));
            assertEquals(uuid[0], data.headers().get("Unique-ID"));
            assertEquals(uuid[0], data.headers().get("Channel-Unique-ID"));
            assertEquals("2000", data.headers().get("Caller-Destination-Number"));
            assertNull(data.headers().get("Content-Length"));
            c.send("myevents\n\n");
            assertEquals("+OK Events Enabled", c.reply().headers().get("Reply-Text"));
            c.send("sendmsg\ncall-command: execute\nexecute-app-name: answer\n\n");
            assertEquals("+OK", c.reply().headers().get("Reply-Text"));
            RawEslClient.Frame answer = c.await(f -> f.isEvent("CHANNEL_ANSWER"));
            assertEquals(uuid[0], answer.ev("Unique-ID"));
            c.send("exit\n\n");
            assertEquals("+OK bye", c.reply().headers().get("Reply-Text"));
            assertTrue(c.closedByServer());
        }
        long end = System.nanoTime() + 10_000_000_000L;
        while (fs.channel(uuid[0]).isPresent() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(fs.channel(uuid[0]).isEmpty(), "the channel hangs up when its socket ends");
    }

    @Test
    void s21_withoutFullOnlyTheReducedSetWorks() throws Exception {
        String[] uuid = new String[1];
        try (ServerSocket app = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             RawEslClient c = dialedBy(app, "async", uuid)) {
            c.send("connect\n\nlinger\n\napi status\n\ngetvar sofia_profile_name\n\n");
            c.next();
            assertEquals("-ERR command not found", c.reply().headers().get("Reply-Text"));
            assertEquals("-ERR command not found", c.reply().headers().get("Reply-Text"));
            assertEquals("external", c.reply().headers().get("Reply-Text"));
            c.send("exit\n\n");
        }
    }

    @Test
    void s22_lingerThenGoodbye() throws Exception {
        String[] uuid = new String[1];
        try (ServerSocket app = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             RawEslClient c = dialedBy(app, "async full", uuid)) {
            c.send("connect\n\n");
            c.next();
            c.send("myevents\n\nlinger 1\n\n");
            c.reply();
            assertEquals("+OK will linger 1 seconds", c.reply().headers().get("Reply-Text"));
            c.send("sendmsg\ncall-command: hangup\n\n");
            c.reply();
            assertTrue(c.closedByServer());
            java.util.List<String> notices = new java.util.ArrayList<>();
            for (RawEslClient.Frame f : c.all) {
                if (f.type().equals("text/disconnect-notice")) {
                    notices.add(f.headers().get("Content-Disposition") + ":" + f.headers().get("Linger-Time"));
                }
            }
            assertEquals(java.util.List.of("linger:1", "disconnect:null"), notices);
        }
    }

    @Test
    void unreachableAppHangsTheChannelUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (RawEslClient c = RawEslClient.login(fs, "CHANNEL_HANGUP_COMPLETE")) {
            String u = fs.injectInboundCall("2000", Map.of());
            c.send("api uuid_transfer " + u + " 'socket:127.0.0.1:" + port + " async full' inline\n\n");
            c.reply();
            assertEquals(u, c.await(f -> f.isEvent("CHANNEL_HANGUP_COMPLETE")).ev("Unique-ID"));
        }
    }
}
