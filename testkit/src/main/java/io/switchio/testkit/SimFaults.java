package io.switchio.testkit;

import io.switchio.testkit.esl.EslServer;

import java.time.Duration;

/**
 * Fault injection for reliability tests.
 *
 * <p>Threading: any thread.
 */
public final class SimFaults {
    private final EslServer server;
    private final FreeSwitchSimulator simulator;

    SimFaults(EslServer server, FreeSwitchSimulator simulator) {
        this.server = server;
        this.simulator = simulator;
    }

    /** Closes every ESL connection abruptly (no notice), like a network cut. */
    public void dropConnections() {
        server.dropConnections();
    }

    /**
     * Writes nothing to any current connection for this long (then the backlog flows).
     *
     * @param d how long (real time)
     */
    public void stallWrites(Duration d) {
        server.stallWrites(d.toNanos());
    }

    /** Writes one malformed frame (non-numeric Content-Length) to every connection. */
    public void sendGarbage() {
        server.sendGarbage();
    }

    /** A process restart: connections drop, every channel disappears, new Core-UUID, sequence from 1. */
    public void restart() {
        simulator.restartSwitch();
    }

    /**
     * Delays every following reply by this long ({@code Duration.ZERO} turns it off).
     *
     * @param d the delay (real time)
     */
    public void delayReplies(Duration d) {
        server.delayReplies(d.toNanos());
    }

    /**
     * Drops the next {@code n} events for every connection (their Event-Sequence numbers are used up).
     *
     * @param n how many events
     */
    public void loseEvents(int n) {
        simulator.loseEvents(n);
    }
}
