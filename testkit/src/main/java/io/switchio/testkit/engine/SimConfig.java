package io.switchio.testkit.engine;

import java.time.Duration;
import java.util.Map;

/**
 * The simulator's settings, fixed at build time.
 *
 * <p>Threading: immutable value.
 *
 * @param hostname {@code FreeSWITCH-Hostname}/{@code -Switchname}
 * @param password the ESL password
 * @param speed clock speed factor
 * @param heartbeat HEARTBEAT period (simulated time)
 * @param sipProfiles SIP profile name to port on 127.0.0.1
 * @param maxSessions {@code max_sessions}
 * @param sessionsPerSecond {@code sps}
 * @param arrivalsPerSecond inbound call arrival rate (0 = off)
 * @param arrivalDestination destination number of arriving calls
 * @param aclReject reject every ESL client with {@code text/rude-rejection}
 * @param eventQueueLimit per-connection event queue size
 * @param maxLostEvents consecutive drops after which a slow listener is killed
 * @param firstCommandTimeout how long a new connection may stay silent before its first command (25 s)
 * @param callerHoldTime how long an arriving caller stays after answer before sending BYE (0 = until
 *        the switch hangs up)
 */
public record SimConfig(String hostname, String password, double speed, Duration heartbeat,
                        Map<String, Integer> sipProfiles, int maxSessions, int sessionsPerSecond,
                        double arrivalsPerSecond, String arrivalDestination, boolean aclReject,
                        int eventQueueLimit, int maxLostEvents, Duration firstCommandTimeout,
                        Duration callerHoldTime) {
}
