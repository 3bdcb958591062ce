package io.switchio.testkit.engine;

/**
 * FreeSWITCH channel states ({@code Channel-State}), numbered as {@code Channel-State-Number} (§10.2).
 *
 * <p>Threading: immutable.
 */
public enum ChannelState {
    /** Just created (0). */
    CS_NEW,
    /** Initialising (1). */
    CS_INIT,
    /** Looking for a dialplan extension (2). */
    CS_ROUTING,
    /** Executing without a dialplan (3). */
    CS_SOFT_EXECUTE,
    /** Running dialplan applications (4). */
    CS_EXECUTE,
    /** Exchanging media with another leg (5). */
    CS_EXCHANGE_MEDIA,
    /** Parked (6). */
    CS_PARK,
    /** Consuming media (7). */
    CS_CONSUME_MEDIA,
    /** Sleeping (8). */
    CS_HIBERNATE,
    /** Resetting (9). */
    CS_RESET,
    /** Hanging up (10). */
    CS_HANGUP,
    /** Writing its records (11). */
    CS_REPORTING,
    /** Being destroyed (12). */
    CS_DESTROY,
    /** No state (13). */
    CS_NONE
}
