package io.switchio.kernel.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.ring.RingItem;
import java.io.File;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 1,000 drop-and-reconnect cycles leave no thread and no file descriptor behind. */
class ReconnectCyclesIT {

    private static final int CYCLES = 1000;

    private static int openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    @Test
    void thousandReconnectCyclesLeakNothing() throws Exception {
        int fdsBefore = openFileDescriptors();
        TransportThreads threads = new TransportThreads("cycles");
        RingProbe probe = new RingProbe(4096);
        try (ScriptedEslServer server = new ScriptedEslServer()) {
            server.dropAfterAuth = true;
            EslConnection conn = new EslConnection(EslConnectionConfig.builder("127.0.0.1", server.port(), probe.ring)
                    .threads(threads)
                    .reconnect(Duration.ofMillis(1), Duration.ofMillis(1), 0.0)
                    .closeTimeout(Duration.ofMillis(500))
                    .build());
            conn.startInBackground();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int ups = 0;
            while (ups < CYCLES && System.nanoTime() < deadline) {
                probe.ring.awaitWork(100, TimeUnit.MILLISECONDS);
                int[] n = new int[1];
                probe.ring.drain(i -> n[0] += i instanceof RingItem.ConnectionUp ? 1 : 0, 4096);
                ups += n[0];
            }
            assertTrue(ups >= CYCLES, "reached " + ups + " connection cycles");
            assertTrue(conn.reconnects() >= CYCLES - 1, "reconnects counted: " + conn.reconnects());
            assertEquals(1, threads.started(), "one session thread serves every reconnect");
            conn.close();
            assertEquals(0, threads.alive(), "no transport thread left after close");
        }
        if (fdsBefore > 0) {
            int after = openFileDescriptors();
            assertTrue(after <= fdsBefore + 5, "file descriptors before " + fdsBefore + ", after " + after);
        }
    }
}
