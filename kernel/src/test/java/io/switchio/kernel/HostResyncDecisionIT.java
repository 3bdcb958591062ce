package io.switchio.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.dispatch.KernelThreads;
import io.switchio.kernel.transport.ScriptedEslServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Over loopback: whether a host's "up" starts a resync ({@code show channels}) depends on how the
 * host was first reached, not on when the dispatcher thread gets to handle the "up". On a loaded
 * machine the "up" of a foreground connect is often handled after {@code connect()} returned; a
 * resync then raced the first calls' own {@code CHANNEL_CREATE} and created their sessions from
 * the bare synthetic event, in the wrong app group (so no app answered them).
 */
class HostResyncDecisionIT {

    @Test
    void aForegroundConnectsLateUpIsNoResync() throws Exception {
        try (ScriptedEslServer fs = new ScriptedEslServer()) {
            HostRuntime host = new HostRuntime(settings(fs.port()), "127.0.0.1", fs.port(), new KernelThreads("resync-test"));
            host.startDispatch();
            try {
                assertTrue(host.connect());
                // connect() has returned: this is the moment a slow dispatcher handles the first "up"
                assertFalse(host.resyncOnUp(false), "the first up of a foreground connect needs no resync");
                assertTrue(host.resyncOnUp(true), "a reconnect is resynchronised");
            } finally {
                host.close();
            }
        }
    }

    @Test
    void aHostFirstReachedInTheBackgroundIsResynchronised() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = probe.getLocalPort();
        }
        HostRuntime host = new HostRuntime(settings(port), "127.0.0.1", port, new KernelThreads("resync-test"));
        host.startDispatch();
        try {
            assertFalse(host.connect(), "nobody listens on port " + port);
            assertTrue(host.resyncOnUp(false), "the first up after a background connect is resynchronised");
        } finally {
            host.close();
        }
    }

    private static Kernel.Builder settings(int port) {
        return Kernel.builder().host("127.0.0.1", port)
                .connectTimeout(Duration.ofSeconds(2))
                .reconnect(Duration.ofMillis(20), Duration.ofMillis(100), 0);
    }
}
