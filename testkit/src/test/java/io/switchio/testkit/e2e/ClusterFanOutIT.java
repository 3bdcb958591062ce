package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.Kernel;
import io.switchio.spi.ApiException;
import io.switchio.spi.Client;
import io.switchio.testkit.FreeSwitchSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The cluster's fan-out runs on every host even when one fails, and the kernel serves until closed. */
class ClusterFanOutIT {

    @Test
    void aFailingHostDoesNotStopTheFanOutAndEveryFailureIsReported() {
        try (FreeSwitchSimulator fs1 = E2e.simulator(); FreeSwitchSimulator fs2 = E2e.simulator();
                FreeSwitchSimulator fs3 = E2e.simulator();
                Kernel kernel = Kernel.builder().host(fs1.host(), fs1.port()).host(fs2.host(), fs2.port())
                        .host(fs3.host(), fs3.port()).build()) {
            kernel.start();
            List<Integer> ran = new CopyOnWriteArrayList<>();
            ApiException thrown = assertThrows(ApiException.class, () -> kernel.cluster().onEveryHost(c -> {
                ran.add(c.port());
                return c.port() == fs3.port() ? c.api("status") : c.api("nosuchcommand");
            }));
            assertEquals(List.of(fs1.port(), fs2.port(), fs3.port()), ran, "every host ran, in order");
            assertTrue(thrown.reply().contains("nosuchcommand Command not found"), thrown.reply());
            assertEquals(1, thrown.getSuppressed().length, "the second host's failure is kept as suppressed");
            assertTrue(kernel.cluster().onEveryHost(Client::isConnected).stream().allMatch(Boolean::booleanValue));
        }
    }

    @Test
    void awaitCloseServesUntilAnotherThreadClosesTheKernel() throws Exception {
        try (FreeSwitchSimulator fs = E2e.simulator()) {
            Kernel kernel = E2e.kernel(fs).build();
            kernel.start();
            assertFalse(kernel.awaitClose(Duration.ofMillis(100)), "still serving");
            Thread closer = Thread.ofVirtual().start(kernel::close);
            assertTrue(kernel.awaitClose(Duration.ofSeconds(10)), "closed by the other thread");
            closer.join();
            assertFalse(kernel.cluster().clients().get(0).isConnected());
        }
    }
}
