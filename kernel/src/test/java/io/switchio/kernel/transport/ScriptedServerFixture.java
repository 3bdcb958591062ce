package io.switchio.kernel.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every loopback test of {@link EslConnection} against the {@link ScriptedEslServer} needs: a
 * fresh server, ring probe and thread factory per test, the connection under test closed after
 * it, and the check that no transport thread is left behind.
 *
 * <p>Threading: JUnit's test thread.
 */
abstract class ScriptedServerFixture {

    ScriptedEslServer server;
    RingProbe probe;
    TransportThreads threads;
    EslConnection conn;

    @BeforeEach
    void startServer() throws Exception {
        server = new ScriptedEslServer();
        probe = new RingProbe(1024);
        threads = new TransportThreads(getClass().getSimpleName());
    }

    @AfterEach
    void closeAndCheckThreads() throws Exception {
        if (conn != null) {
            conn.close();
        }
        server.close();
        assertEquals(0, threads.alive(), "no transport thread left behind");
    }

    /** A config for the server with fast reconnects and a short close; tests add their own timeouts. */
    EslConnectionConfig.Builder baseConfig() {
        return EslConnectionConfig.builder("127.0.0.1", server.port(), probe.ring).threads(threads)
                .reconnect(Duration.ofMillis(10), Duration.ofMillis(50), 0.2)
                .closeTimeout(Duration.ofMillis(500));
    }
}
