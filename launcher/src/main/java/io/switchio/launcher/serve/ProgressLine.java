package io.switchio.launcher.serve;

import io.switchio.spi.Client;
import io.switchio.spi.Cluster;
import io.switchio.spi.Counters;
import java.time.Duration;

/**
 * Formats the progress line a serve prints on stdout every second or so, e.g.
 * {@code [ 12s] hosts 1/1 up | active calls 3 | answered 22 | ended 19 | failed 0}.
 *
 * <p>"answered" counts legs answered since start, "ended" legs hung up, "failed" legs never
 * answered or ended with a cause other than NORMAL_CLEARING.
 *
 * <p>Threading: stateless; any thread.
 */
final class ProgressLine {

    private ProgressLine() {
    }

    /** The line for a cluster after {@code elapsed}. */
    static String of(Duration elapsed, Cluster cluster) {
        return format(elapsed, "", cluster);
    }

    /**
     * The one line printed when the serve stops, after our calls were hung up, e.g.
     * {@code [ 30s] final: hosts 1/1 up | active calls 0 | answered 61 | ended 61 | failed 0}.
     */
    static String finalLine(Duration elapsed, Cluster cluster) {
        return format(elapsed, "final: ", cluster);
    }

    private static String format(Duration elapsed, String label, Cluster cluster) {
        long up = cluster.clients().stream().filter(Client::isConnected).count();
        Counters c = cluster.counters();
        long ended = c.hangupCauses().values().stream().mapToLong(Long::longValue).sum();
        return String.format("[%3ds] %shosts %d/%d up | active calls %d | answered %d | ended %d | failed %d",
                elapsed.toSeconds(), label, up, cluster.clients().size(), c.activeCalls(), c.totalAnswered(), ended,
                c.failedSessions());
    }
}
