package io.switchio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.dispatch.KernelThreads;
import io.switchio.kernel.transport.ScriptedEslServer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Over loopback: a host's connection dropped by the server counts as unexpected (WARN); the
 * kernel's own close afterwards is reported as ours (INFO), not as a drop.
 */
class ConnectionDropsIT {

    @Test
    void serverDropIsUnexpectedOurCloseIsNot() throws Exception {
        try (ScriptedEslServer fs = new ScriptedEslServer()) {
            Kernel.Builder settings = Kernel.builder().host("127.0.0.1", fs.port())
                    .reconnect(Duration.ofMillis(20), Duration.ofMillis(100), 0);
            HostRuntime host = new HostRuntime(settings, "127.0.0.1", fs.port(), new KernelThreads("drops-test"));
            host.startDispatch();
            try {
                assertTrue(host.connect());
                fs.dropAll();
                await(() -> host.drops().unexpected() == 1, "the server's drop is reported as unexpected");
                await(() -> host.client().isConnected(), "reconnected");
            } finally {
                host.close();
            }
            assertEquals(1, host.drops().ours(), "our close is reported as ours");
            assertEquals(1, host.drops().unexpected(), "our close is not an unexpected drop");
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
