package io.switchio.launcher.serve;

import io.switchio.spi.Client;
import io.switchio.spi.Session;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The callers behind the embedded simulator's injected calls: each hangs up once its call has been
 * up for the hold time, as a real caller would (the simulator itself keeps injected calls up
 * forever). The hangup is {@code uuid_kill <uuid> NORMAL_CLEARING} on the inbound leg.
 *
 * <p>Threading: confined to the serve's main thread, which calls {@link #hangUpExpired} on each
 * tick of its loop.
 */
final class SimulatedCallers {

    private final Client simulatorClient;
    private final long holdNanos;
    private final Map<String, Long> firstSeen = new HashMap<>();

    /** Callers on the simulator's host that hold each call for {@code hold}. */
    SimulatedCallers(Client simulatorClient, Duration hold) {
        this.simulatorClient = simulatorClient;
        this.holdNanos = hold.toNanos();
    }

    /** Hangs up the inbound legs that have been up for the hold time; returns how many. */
    int hangUpExpired(long nowNanos) {
        Set<String> live = new HashSet<>();
        int hungUp = 0;
        for (Session s : simulatorClient.sessions()) {
            if (!s.isInbound() || s.isHungUp()) {
                continue;
            }
            live.add(s.uuid());
            long seen = firstSeen.computeIfAbsent(s.uuid(), k -> nowNanos);
            if (nowNanos - seen >= holdNanos) {
                try {
                    simulatorClient.api("uuid_kill " + s.uuid() + " NORMAL_CLEARING");
                    hungUp++;
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(SimulatedCallers.class).debug("caller hangup of {} failed (it may have ended): {}",
                            s.uuid(), e.toString());
                }
                live.remove(s.uuid());
            }
        }
        firstSeen.keySet().retainAll(live);
        return hungUp;
    }
}
