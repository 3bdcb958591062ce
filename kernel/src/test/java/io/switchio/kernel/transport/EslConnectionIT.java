package io.switchio.kernel.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.protocol.ApiCommand;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.ring.RingItem;
import io.switchio.spi.ApiException;
import io.switchio.spi.AuthRefusedException;
import io.switchio.spi.ConnectionLostException;
import io.switchio.spi.SwitchioTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** EslConnection over real loopback TCP against the scripted server. */
class EslConnectionIT extends ScriptedServerFixture {

    private EslConnectionConfig.Builder config() {
        return baseConfig().commandTimeout(Duration.ofSeconds(5));
    }

    /** Starts and waits until every command sent so far (the subscriptions) has been answered. */
    private void startAndSettle(EslConnectionConfig c) throws Exception {
        conn = new EslConnection(c);
        conn.start();
        probe.await(RingItem.ConnectionUp.class);
        conn.api("settle").get(10, TimeUnit.SECONDS);
        server.commands.clear();
    }

    private static Throwable failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void authenticatesAndPipelinesCommandsInOrder() throws Exception {
        conn = new EslConnection(config().build());
        conn.start();
        assertEquals("auth ClueCon", server.nextCommand());
        assertEquals("event plain HEARTBEAT", server.nextCommand(), "subscriptions are sent before start() returns");
        assertFalse(probe.await(RingItem.ConnectionUp.class).reconnected());
        List<CompletableFuture<EslMessage>> replies = List.of(conn.api("status"), conn.api("version"), conn.api("uptime"));
        assertEquals("+OK status\n", replies.get(0).get(10, TimeUnit.SECONDS).bodyText());
        assertEquals("+OK version\n", replies.get(1).get(10, TimeUnit.SECONDS).bodyText());
        assertEquals("+OK uptime\n", replies.get(2).get(10, TimeUnit.SECONDS).bodyText());
        assertTrue(conn.isConnected());
    }

    @Test
    void wrongPasswordIsATypedErrorWithFreeSwitchsWords() {
        conn = new EslConnection(config().password("nope").build());
        AuthRefusedException e = assertThrows(AuthRefusedException.class, conn::start);
        assertTrue(e.getMessage().contains("-ERR invalid"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
    }

    @Test
    void aclRejectionIsATypedError() {
        server.rudeReject = true;
        conn = new EslConnection(config().build());
        AuthRefusedException e = assertThrows(AuthRefusedException.class, conn::start);
        assertTrue(e.getMessage().contains("rude-rejection"), e.getMessage());
        assertTrue(e.getMessage().contains("Access Denied, go away."), e.getMessage());
    }

    @Test
    void userauthLogsInAsADirectoryUser() throws Exception {
        server.userauth = "1000@default:pw";
        conn = new EslConnection(config().userauth("1000@default", "pw").build());
        conn.start();
        assertEquals("userauth 1000@default:pw", server.nextCommand());
    }

    @Test
    void unreachableHostFailsFirstConnectClearly() throws Exception {
        int port = server.port();
        server.close();
        conn = new EslConnection(EslConnectionConfig.builder("127.0.0.1", port, probe.ring).threads(threads).build());
        ConnectionLostException e = assertThrows(ConnectionLostException.class, conn::start);
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }

    @Test
    void silentServerFailsTheCommandAtItsDeadline() throws Exception {
        startAndSettle(config().commandTimeout(Duration.ofMillis(300)).build());
        server.silent = true;
        Throwable t = failure(conn.api("status"));
        assertInstanceOf(SwitchioTimeoutException.class, t);
        assertTrue(t.getMessage().contains("api status"), t.getMessage());
    }

    @Test
    void serverClosingMidFrameFailsPendingCommandsAndReconnects() throws Exception {
        startAndSettle(config().build());
        server.silent = true;
        CompletableFuture<EslMessage> pending = conn.api("status");
        server.nextCommand();
        server.broadcast("Content-Type: api/response\nContent-Length: 10\n\nabc");
        Thread.sleep(50);
        server.silent = false;
        server.dropAll();
        Throwable t = failure(pending);
        assertInstanceOf(ConnectionLostException.class, t);
        RingItem.ConnectionDown down = probe.await(RingItem.ConnectionDown.class);
        assertTrue(down.reason().contains("middle of a frame"), down.reason());
        assertTrue(probe.await(RingItem.ConnectionUp.class).reconnected());
        assertEquals("+OK status\n", conn.api("status").get(10, TimeUnit.SECONDS).bodyText());
    }

    @Test
    void reconnectRestoresSubscriptionsAndEventsFlowAgain() throws Exception {
        conn = new EslConnection(config().build());
        conn.start();
        probe.await(RingItem.ConnectionUp.class);
        conn.subscribe(Set.of("CHANNEL_ANSWER")).get(10, TimeUnit.SECONDS);
        conn.filter("Unique-ID", "u1").get(10, TimeUnit.SECONDS);
        conn.setLogLevel("info").get(10, TimeUnit.SECONDS);
        server.commands.clear();
        server.dropAll();
        assertTrue(probe.await(RingItem.ConnectionUp.class).reconnected());
        assertEquals("auth ClueCon", server.nextCommand());
        assertEquals("event plain CHANNEL_ANSWER HEARTBEAT", server.nextCommand());
        assertEquals("filter Unique-ID u1", server.nextCommand());
        assertEquals("filter Event-Name HEARTBEAT", server.nextCommand());
        assertEquals("log info", server.nextCommand());
        server.event("Event-Name: CHANNEL_ANSWER\nUnique-ID: u1\nEvent-Sequence: 5\n\n");
        assertEquals("u1", probe.awaitEvents("CHANNEL_ANSWER", 1).get(0).event().uniqueId());
        assertEquals(1, conn.reconnects());
    }

    @Test
    void heartbeatLossMeansDeadAndTriggersReconnect() throws Exception {
        conn = new EslConnection(config().livenessTimeout(Duration.ofMillis(400)).build());
        conn.start();
        probe.await(RingItem.ConnectionUp.class);
        server.silent = true;
        RingItem.ConnectionDown down = probe.await(RingItem.ConnectionDown.class);
        assertTrue(down.reason().contains("liveness"), down.reason());
        server.silent = false;
        assertTrue(probe.await(RingItem.ConnectionUp.class).reconnected());
    }

    @Test
    void eventSequenceGapsCountAsLostEvents() throws Exception {
        conn = new EslConnection(config().build());
        conn.start();
        conn.subscribe(Set.of("ALL")).get(10, TimeUnit.SECONDS);
        for (int seq : new int[] {10, 11, 14, 15, 20}) {
            server.event("Event-Name: HEARTBEAT\nEvent-Sequence: " + seq + "\n\n");
        }
        probe.awaitEvents("HEARTBEAT", 5);
        assertEquals(2 + 4, conn.eventsLost());
    }

    @Test
    void gapsAreNotLossesWhenTheSubscriptionDoesNotSeeEveryEvent() throws Exception {
        conn = new EslConnection(config().build());
        conn.start();
        conn.subscribe(Set.of("CHANNEL_ANSWER")).get(10, TimeUnit.SECONDS);
        for (int seq : new int[] {10, 14, 20}) {
            server.event("Event-Name: CHANNEL_ANSWER\nUnique-ID: u1\nEvent-Sequence: " + seq + "\n\n");
        }
        probe.awaitEvents("CHANNEL_ANSWER", 3);
        assertEquals(0, conn.eventsLost(), "a named subscription skips other events' numbers by design");
    }

    @Test
    void bgapiChoosesTheJobUuidAndItsResultArrivesAsAnEvent() throws Exception {
        conn = new EslConnection(config().build());
        conn.start();
        BgapiSubmission job = conn.bgapi("originate loopback/1000 &park()");
        EslMessage reply = job.reply().get(10, TimeUnit.SECONDS);
        assertEquals("+OK Job-UUID: " + job.jobUuid(), reply.replyText());
        RingItem.EventReceived result = probe.awaitEvents("BACKGROUND_JOB", 1).get(0);
        assertEquals(job.jobUuid(), result.event().header("Job-UUID"));
        assertEquals("+OK u1\n", result.event().body());
    }

    @Test
    void r1RepliesAndEventsInterleaveAndStayMatched() throws Exception {
        startAndSettle(config().build());
        server.silent = true;
        CompletableFuture<EslMessage> api = conn.api("status");
        BgapiSubmission bg = conn.bgapi("status");
        String job = bg.jobUuid();
        server.broadcast(ScriptedEslServer.plain("Event-Name: CHANNEL_CREATE\nEvent-Sequence: 1\n\n")
                + "Content-Type: api/response\nContent-Length: 6\n\nUP 0s\n"
                + ScriptedEslServer.plain("Event-Name: CHANNEL_ANSWER\nEvent-Sequence: 2\n\n")
                + ScriptedEslServer.reply("+OK Job-UUID: " + job).replace("\n\n", "\nJob-UUID: " + job + "\n\n")
                + ScriptedEslServer.plain("Event-Name: BACKGROUND_JOB\nJob-UUID: " + job + "\nEvent-Sequence: 3\nContent-Length: 3\n\nok\n"));
        assertEquals("UP 0s\n", api.get(10, TimeUnit.SECONDS).bodyText());
        assertEquals(job, bg.reply().get(10, TimeUnit.SECONDS).header("Job-UUID"));
        assertEquals("CHANNEL_CREATE", probe.await(RingItem.EventReceived.class).event().name());
        assertEquals("CHANNEL_ANSWER", probe.await(RingItem.EventReceived.class).event().name());
        assertEquals("ok\n", probe.await(RingItem.EventReceived.class).event().body());
    }

    @Test
    void r2PermissionDeniedFailsTheApiAndKeepsTheQueueAligned() throws Exception {
        server.api = cmd -> cmd.equals("status") ? "REPLY:-ERR permission denied" : "+OK " + cmd + "\n";
        conn = new EslConnection(config().build());
        conn.start();
        CompletableFuture<EslMessage> denied = conn.api("status");
        CompletableFuture<EslMessage> next = conn.api("version");
        ApiException e = assertInstanceOf(ApiException.class, failure(denied));
        assertEquals("-ERR permission denied", e.reply());
        assertEquals("+OK version\n", next.get(10, TimeUnit.SECONDS).bodyText());
    }

    @Test
    void r3ExitClosesCleanlyOnceAndLeavesNoThread() throws Exception {
        conn = new EslConnection(config().build());
        conn.start();
        probe.await(RingItem.ConnectionUp.class);
        conn.close();
        conn.close();
        assertTrue(server.commands.contains("exit"));
        assertEquals("closed", probe.await(RingItem.ConnectionDown.class).reason());
        assertEquals(0, threads.alive());
        assertFalse(conn.isConnected());
        assertInstanceOf(ConnectionLostException.class, failure(conn.send(new ApiCommand("status"))));
    }

    @Test
    void fullRingStopsReadingAndLosesNothing() throws Exception {
        RingProbe small = new RingProbe(4);
        conn = new EslConnection(EslConnectionConfig.builder("127.0.0.1", server.port(), small.ring).threads(threads).build());
        conn.start();
        StringBuilder burst = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            burst.append(ScriptedEslServer.plain("Event-Name: CUSTOM\nEvent-Subclass: t::n\nEvent-Sequence: " + i + "\n\n"));
        }
        server.broadcast(burst.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (conn.ringStalls() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(conn.ringStalls() > 0, "the reader waited for the ring");
        List<RingItem.EventReceived> events = small.awaitEvents("t::n", 200);
        for (int i = 0; i < 200; i++) {
            assertEquals(i + 1, events.get(i).event().sequence());
        }
    }

    @Test
    void startInBackgroundRetriesUntilTheServerAcceptsTheLogin() throws Exception {
        server.password = "later";
        conn = new EslConnection(config().build());
        conn.startInBackground();
        assertEquals("auth ClueCon", server.nextCommand());
        assertEquals("auth ClueCon", server.nextCommand());
        server.password = "ClueCon";
        assertFalse(probe.await(RingItem.ConnectionUp.class).reconnected());
        assertTrue(conn.isConnected());
    }

    @Test
    void maxAttemptsGivesUpWithAReason() throws Exception {
        server.password = "never";
        conn = new EslConnection(config().maxReconnectAttempts(3).build());
        conn.startInBackground();
        RingItem.ConnectionDown down = probe.await(RingItem.ConnectionDown.class);
        assertTrue(down.reason().contains("gave up after 3"), down.reason());
    }

    @Test
    void malformedFramingClosesWithAnErrorNamingTheOffsetThenReconnects() throws Exception {
        startAndSettle(config().build());
        server.silent = true;
        CompletableFuture<EslMessage> pending = conn.api("status");
        server.nextCommand();
        server.broadcast("Content-Type: api/response\nContent-Length: -1\n\n");
        assertInstanceOf(ConnectionLostException.class, failure(pending));
        RingItem.ConnectionDown down = probe.await(RingItem.ConnectionDown.class);
        assertTrue(down.reason().contains("protocol error") && down.reason().contains("offset"), down.reason());
        server.silent = false;
        assertTrue(probe.await(RingItem.ConnectionUp.class).reconnected());
    }

    @Test
    void aMalformedEventIsSkippedAndCountedAndTheStreamGoesOn() throws Exception {
        startAndSettle(config().build());
        String badJson = "{\"Event-Name\":\"CHANNEL_ANSWER\",";
        server.broadcast("Content-Length: " + badJson.length() + "\nContent-Type: text/event-json\n\n" + badJson);
        server.event("Event-Name: CHANNEL_HANGUP\nEvent-Sequence: 2\n\n");
        assertEquals("CHANNEL_HANGUP", probe.await(RingItem.EventReceived.class).event().name());
        assertEquals(1, conn.malformedEvents());
        assertTrue(conn.isConnected());
    }

    @Test
    void f10DisconnectNoticeBecomesTheReasonAndEofIsNoError() throws Exception {
        startAndSettle(config().build());
        server.broadcast(ScriptedEslServer.GOODBYE.replace("Disconnected, goodbye.", "Disconnected, goodbye!"));
        server.dropAll();
        RingItem.ConnectionDown down = probe.await(RingItem.ConnectionDown.class);
        assertTrue(down.reason().contains("Disconnected, goodbye!"), down.reason());
    }

    @Test
    void jsonFormatIsRequestedAndDecoded() throws Exception {
        startAndSettle(config().eventFormat(io.switchio.kernel.protocol.EventFormat.JSON).build());
        conn.subscribe(new java.util.LinkedHashSet<>(List.of("CHANNEL_ANSWER", "sofia::register"))).get(10, TimeUnit.SECONDS);
        assertEquals("event json CHANNEL_ANSWER CUSTOM sofia::register", server.nextCommand());
        String json = "{\"Event-Name\":\"CHANNEL_ANSWER\",\"Unique-ID\":\"u9\",\"Event-Sequence\":\"4\"}";
        server.broadcast("Content-Length: " + json.length() + "\nContent-Type: text/event-json\n\n" + json);
        RingItem.EventReceived e = probe.awaitEvents("CHANNEL_ANSWER", 1).get(0);
        assertEquals("u9", e.event().uniqueId());
        assertEquals(4, e.event().sequence());
    }
}
