package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.Kernel;
import io.switchio.spi.ApiException;
import io.switchio.spi.AppLoadException;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Parameters;
import io.switchio.spi.AuthRefusedException;
import io.switchio.spi.Client;
import io.switchio.spi.ConnectionLostException;
import io.switchio.testkit.FreeSwitchSimulator;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Connection lifecycle and command error mapping (switchio-reference §9.3 "Connection", "Listener lifecycle", "Client"). */
class KernelLifecycleIT {

    @Test
    void startConnectsAndCommandsMapErrors() {
        try (FreeSwitchSimulator fs = E2e.simulator()) {
            Kernel kernel = E2e.kernel(fs).build();
            try {
                kernel.start();
                Client client = kernel.cluster().clients().get(0);
                assertTrue(client.isConnected());
                assertFalse(client.cmd("status").isEmpty());
                ApiException e = assertThrows(ApiException.class, () -> client.api("doggy"));
                assertTrue(e.reply().startsWith("-ERR"), e.reply());
                assertThrows(IllegalStateException.class, kernel::start);
                kernel.close();
                kernel.close();
                assertFalse(client.isConnected());
                assertThrows(ConnectionLostException.class, () -> client.cmd("status"));
                assertThrows(IllegalStateException.class, kernel::start, "no start after close");
            } finally {
                kernel.close();
            }
        }
    }

    @Test
    void appLoadDuplicateAndUnloadRules() {
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel kernel = E2e.kernel(fs).build()) {
            kernel.start();
            Client client = kernel.cluster().clients().get(0);
            assertEquals("TonePlay", kernel.loadApp(new TonePlay(), new AppOptions(null, null, Parameters.of(java.util.Map.of()), false)));
            AppLoadException dup = assertThrows(AppLoadException.class,
                    () -> kernel.loadApp(new TonePlay(), AppOptions.group("TonePlay")));
            assertTrue(dup.getMessage().contains("already loaded in group 'TonePlay'"), dup.getMessage());
            assertEquals("other", kernel.loadApp(new TonePlay(), AppOptions.group("other")));
            assertEquals(java.util.Set.of("TonePlay", "other"), client.apps().keySet());
            assertTrue(kernel.unloadApp("TonePlay"));
            assertFalse(kernel.unloadApp("TonePlay"));
            assertEquals(java.util.Set.of("other"), client.apps().keySet());
            AppLoadException none = assertThrows(AppLoadException.class, () -> kernel.loadApp(new Object(), AppOptions.defaults()));
            assertTrue(none.getMessage().contains("has no method marked"), none.getMessage());
        }
    }

    @Test
    void aWrongPasswordFailsFast() {
        try (FreeSwitchSimulator fs = E2e.simulator();
                Kernel kernel = Kernel.builder().host(fs.host(), fs.port()).password("doggy").build()) {
            assertThrows(AuthRefusedException.class, kernel::start);
        }
    }

    @Test
    void aHostThatIsDownIsRetriedInTheBackgroundWhileTheOthersServe() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        try (FreeSwitchSimulator fs = E2e.simulator();
                Kernel kernel = E2e.kernel(fs).host("127.0.0.1", freePort).connectTimeout(Duration.ofSeconds(1)).build()) {
            kernel.start();
            Client up = kernel.cluster().clients().get(0);
            Client down = kernel.cluster().clients().get(1);
            assertTrue(up.isConnected());
            assertFalse(down.isConnected());
            assertFalse(up.cmd("status").isEmpty());
            assertThrows(ConnectionLostException.class, () -> down.cmd("status"));
            assertEquals(2, kernel.cluster().clients().size());
            try (FreeSwitchSimulator late = FreeSwitchSimulator.builder().port(freePort).build().start()) {
                // a call already up when the kernel reaches the host is read from it (show channels)
                String early = late.injectInboundCall("9998", java.util.Map.of());
                E2e.await(down::isConnected, () -> "the late host is connected in the background");
                String uuid = late.injectInboundCall("9999", java.util.Map.of());
                E2e.await(() -> down.session(uuid).isPresent(), () -> "the late host's events flow");
                E2e.await(() -> down.session(early).isPresent(), () -> "the call that predates the connection is known");
            }
        }
    }
}
