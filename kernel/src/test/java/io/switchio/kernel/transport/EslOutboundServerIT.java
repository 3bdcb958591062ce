package io.switchio.kernel.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.client.ControlledChannel;
import io.switchio.kernel.protocol.EventFormat;
import io.switchio.kernel.protocol.SendmsgCommand;
import io.switchio.kernel.ring.RingItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The outbound server against a fake FreeSWITCH that dials in as the socket application does. */
class EslOutboundServerIT {

    private static final String UUID = "0d6a2c1e-07b2-11ef-a1b2-0242ac120002";
    private static final String CHANNEL_DATA = "Event-Name: CHANNEL_DATA\nCore-UUID: c0\nEvent-Sequence: 812\n"
            + "Channel-Name: sofia/internal/1000%40192.0.2.20\nUnique-ID: " + UUID + "\nCaller-Destination-Number: 9999\n"
            + "Content-Type: command/reply\nReply-Text: %2BOK%0A\nSocket-Mode: async\nControl: full\n\n";

    @Test
    void handshakeHandsTheChannelOverAndEventsFlowToTheRing() throws Exception {
        TransportThreads threads = new TransportThreads("out");
        RingProbe probe = new RingProbe(256);
        CompletableFuture<OutboundChannel> handed = new CompletableFuture<>();
        EslOutboundServer server = startedServer(probe, EventFormat.PLAIN, true, handed::complete, threads);
        try (Socket fs = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            fs.setSoTimeout(10_000);
            InputStream in = fs.getInputStream();
            OutputStream out = fs.getOutputStream();
            dialIn(in, out, "myevents plain");
            out.write(ScriptedEslServer.reply("+OK Events Enabled").getBytes(StandardCharsets.UTF_8));
            assertEquals("linger", readCommand(in));
            out.write(ScriptedEslServer.reply("+OK will linger").getBytes(StandardCharsets.UTF_8));

            OutboundChannel channel = handed.get(10, TimeUnit.SECONDS);
            assertEquals(UUID, channel.uniqueId());
            assertEquals("sofia/internal/1000@192.0.2.20", channel.channelData().header("Channel-Name"));
            assertEquals(channel.id(), probe.await(RingItem.ConnectionUp.class).host());

            CompletableFuture<?> answered = channel.send(SendmsgCommand.execute(null, "answer", null, 1, false, false));
            assertTrue(readCommand(in).startsWith("sendmsg\ncall-command: execute\nexecute-app-name: answer"));
            out.write((ScriptedEslServer.reply("+OK") + ScriptedEslServer.plain("Event-Name: CHANNEL_ANSWER\nUnique-ID: "
                    + UUID + "\nEvent-Sequence: 813\n\n")).getBytes(StandardCharsets.UTF_8));
            answered.get(10, TimeUnit.SECONDS);
            RingItem.EventReceived ev = probe.awaitEvents("CHANNEL_ANSWER", 1).get(0);
            assertEquals(channel.id(), ev.host());

            out.write(("Content-Type: text/disconnect-notice\nControlled-Session-UUID: " + UUID
                    + "\nContent-Disposition: linger\nChannel-Name: sofia/internal/1000@192.0.2.20\nLinger-Time: -1\n"
                    + "Content-Length: 0\n\n").getBytes(StandardCharsets.UTF_8));
            RingItem.NoticeReceived linger = probe.await(RingItem.NoticeReceived.class);
            assertEquals("linger", linger.message().header("Content-Disposition"));

            channel.close();
            assertEquals("exit", readCommand(in));
            out.write((ScriptedEslServer.reply("+OK bye") + ScriptedEslServer.GOODBYE).getBytes(StandardCharsets.UTF_8));
            RingItem.ConnectionDown down = probe.await(RingItem.ConnectionDown.class);
            assertEquals(channel.id(), down.host());
        } finally {
            server.close();
        }
        assertEquals(0, threads.alive(), "acceptor and readers ended");
    }

    @Test
    void refusedMyeventsEndsTheConnectionWithAReason() throws Exception {
        TransportThreads threads = new TransportThreads("out");
        RingProbe probe = new RingProbe(64);
        EslOutboundServer server = startedServer(probe, EventFormat.JSON, false, ch -> { }, threads);
        try (Socket fs = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            fs.setSoTimeout(10_000);
            dialIn(fs.getInputStream(), fs.getOutputStream(), "myevents json");
            fs.getOutputStream().write(ScriptedEslServer.reply("-ERR aready enabled.").getBytes(StandardCharsets.UTF_8));
            RingItem.ConnectionDown down = probe.await(RingItem.ConnectionDown.class);
            assertTrue(down.reason().contains("-ERR aready enabled."), down.reason());
        } finally {
            server.close();
        }
        assertEquals(0, threads.alive());
    }

    @Test
    void theChannelDataReachesTheRingAndAControlledChannelSpeaksOnItsOwnSocket() throws Exception {
        TransportThreads threads = new TransportThreads("out");
        RingProbe probe = new RingProbe(256);
        CompletableFuture<OutboundChannel> handed = new CompletableFuture<>();
        EslOutboundServer server = startedServer(probe, EventFormat.PLAIN, false, handed::complete, threads);
        try (Socket fs = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            fs.setSoTimeout(10_000);
            InputStream in = fs.getInputStream();
            OutputStream out = fs.getOutputStream();
            dialIn(in, out, "myevents plain");
            out.write(ScriptedEslServer.reply("+OK Events Enabled").getBytes(StandardCharsets.UTF_8));
            OutboundChannel channel = handed.get(10, TimeUnit.SECONDS);
            RingItem.EventReceived data = probe.awaitEvents("CHANNEL_DATA", 1).get(0);
            assertEquals(channel.id(), data.host());
            assertEquals(UUID, data.event().uniqueId());

            ControlledChannel controlled = new ControlledChannel(channel, EventFormat.PLAIN);
            CompletableFuture<?> added = controlled.subscribeAsync(Set.of("CHANNEL_ANSWER", "PLAYBACK_START"));
            assertEquals("event plain PLAYBACK_START", readCommand(in), "myevents already covers CHANNEL_ANSWER");
            out.write(ScriptedEslServer.reply("+OK event listener enabled plain").getBytes(StandardCharsets.UTF_8));
            added.get(10, TimeUnit.SECONDS);
            CompletableFuture<?> removed = controlled.subscribeAsync(Set.of("CHANNEL_ANSWER"));
            assertEquals("nixevent PLAYBACK_START", readCommand(in), "what myevents enabled is never nixed");
            out.write(ScriptedEslServer.reply("+OK events nixed").getBytes(StandardCharsets.UTF_8));
            removed.get(10, TimeUnit.SECONDS);

            Thread exec = Thread.ofVirtual().start(() -> controlled.execute(UUID, "playback", "tone.wav", 1));
            assertTrue(readCommand(in).startsWith("sendmsg\ncall-command: execute\nexecute-app-name: playback"),
                    "sendmsg to the controlled channel carries no uuid");
            out.write(ScriptedEslServer.reply("+OK").getBytes(StandardCharsets.UTF_8));
            exec.join(10_000);
            assertTrue(controlled.isConnected());

            fs.close();
            RingItem.ConnectionDown down = probe.await(RingItem.ConnectionDown.class);
            assertEquals(channel.id(), down.host());
            assertEquals(channel.id(), server.pollEnded(), "the ended connection is named in ring order");
            assertFalse(controlled.isConnected());
        } finally {
            server.close();
        }
        assertEquals(0, threads.alive());
    }

    /** An outbound server on a free loopback port, started. */
    private static EslOutboundServer startedServer(RingProbe probe, EventFormat format, boolean linger,
            Consumer<OutboundChannel> handed, TransportThreads threads) throws IOException {
        EslOutboundServer server = new EslOutboundServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                probe.ring, format, linger, null, Duration.ofSeconds(5), handed, threads);
        server.start();
        return server;
    }

    /** Plays FreeSWITCH's side of the hand-over up to the subscription the server must ask for. */
    private static void dialIn(InputStream in, OutputStream out, String expectedSubscription) throws IOException {
        assertEquals("connect", readCommand(in));
        out.write(CHANNEL_DATA.getBytes(StandardCharsets.UTF_8));
        assertEquals(expectedSubscription, readCommand(in));
    }

    private static String readCommand(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int prev = -1;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n' && prev == '\n') {
                break;
            }
            buf.write(c);
            prev = c;
        }
        return buf.toString(StandardCharsets.UTF_8).stripTrailing();
    }
}
