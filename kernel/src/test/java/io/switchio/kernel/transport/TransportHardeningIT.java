package io.switchio.kernel.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.ring.RingItem;
import io.switchio.spi.ConnectionLostException;
import io.switchio.spi.SwitchioTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Over loopback against the scripted server: a write stuck on a FreeSWITCH that stopped reading
 * gives up at the command timeout (long before the liveness timeout), and subscription changes
 * made while disconnected complete only once applied on connect.
 */
class TransportHardeningIT extends ScriptedServerFixture {

    private EslConnectionConfig.Builder config() {
        return baseConfig().livenessTimeout(Duration.ofSeconds(120));
    }

    @Test
    void aWriteStuckOnAServerThatStopsReadingFailsAtTheCommandTimeout() throws Exception {
        conn = new EslConnection(config().commandTimeout(Duration.ofSeconds(1)).build());
        conn.start();
        probe.await(RingItem.ConnectionUp.class);
        conn.api("settle").get(10, TimeUnit.SECONDS);
        server.deaf = true;
        conn.api("last words");
        String huge = "x".repeat(48 * 1024 * 1024);
        CompletableFuture<CompletableFuture<EslMessage>> sent = CompletableFuture.supplyAsync(() -> conn.api(huge),
                r -> Thread.ofVirtual().start(r));
        ExecutionException e = assertThrows(ExecutionException.class, () -> sent.get(60, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS),
                "the sender is released well before the 120 s liveness timeout");
        SwitchioTimeoutException t = assertInstanceOf(SwitchioTimeoutException.class, e.getCause());
        assertTrue(t.getMessage().contains("could not write") && t.getMessage().contains("stopped reading"), t.getMessage());
        RingItem.ConnectionDown down = probe.await(RingItem.ConnectionDown.class);
        assertTrue(down.reason().contains("write was blocked"), down.reason());
        server.deaf = false;
    }

    @Test
    void aSubscriptionMadeWhileDisconnectedCompletesWhenAppliedOnConnect() throws Exception {
        conn = new EslConnection(config().commandTimeout(Duration.ofSeconds(5)).build());
        CompletableFuture<EslMessage> pending = conn.subscribe(Set.of("CHANNEL_ANSWER"));
        assertFalse(pending.isDone(), "not applied yet: nothing is connected");
        conn.start();
        pending.get(10, TimeUnit.SECONDS);
        assertEquals("auth ClueCon", server.nextCommand());
        boolean seen = false;
        for (int i = 0; i < 3 && !seen; i++) {
            seen = server.nextCommand().startsWith("event plain") ;
        }
        assertTrue(seen, "the event command was sent on connect");
    }

    @Test
    void aSubscriptionMadeWhileDisconnectedFailsWhenClosedFirst() throws Exception {
        conn = new EslConnection(config().build());
        CompletableFuture<EslMessage> pending = conn.subscribe(Set.of("CHANNEL_ANSWER"));
        conn.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionLostException.class, e.getCause());
        conn = null;
    }
}
