package io.switchio.testkit;

/**
 * Counters of a running simulator.
 *
 * <p>Threading: immutable value.
 *
 * @param originates originate commands run
 * @param channelsCreated legs created since start
 * @param channelsDestroyed legs destroyed since start
 * @param liveChannels legs alive now
 * @param eventsFired events fired by the switch (whether or not anyone received them)
 * @param eventsSent event frames written to ESL clients
 * @param connectionsAccepted ESL connections accepted since start
 * @param connectionsOpen ESL connections open now
 */
public record SimStats(long originates, long channelsCreated, long channelsDestroyed, int liveChannels,
                       long eventsFired, long eventsSent, long connectionsAccepted, int connectionsOpen) {
}
