package io.switchio.spi;

import java.util.Map;

/**
 * Running counts of one host or a whole cluster.
 *
 * <p>Threading: values are read live; each getter returns a consistent value, but two getters
 * may see different moments.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Counters {

    /** Sessions currently alive. */
    int activeSessions();

    /** Calls currently alive. */
    int activeCalls();

    /** Background jobs still awaiting their result. */
    int pendingJobs();

    /** Sessions answered since start (or the last reset). */
    long totalAnswered();

    /** Hangup causes seen on destroyed sessions, e.g. {@code NORMAL_CLEARING -> 98}. */
    Map<String, Long> hangupCauses();

    /** Sessions that were never answered or ended with a cause other than NORMAL_CLEARING. */
    long failedSessions();

    /**
     * The uuids of the newest failed sessions that ended with a hangup cause, oldest first: at most
     * 1,000 per cause and host, so a long load test keeps the recent failures to inspect without
     * growing without bound.
     *
     * @param cause a hangup cause, e.g. {@code USER_BUSY}
     * @return the uuids; empty when none failed with that cause
     */
    java.util.List<String> failedSessions(String cause);

    /** Failed background jobs per FreeSWITCH reason, e.g. {@code USER_BUSY -> 2}. */
    Map<String, Long> failedJobs();

    /** Live sessions per app group. */
    Map<String, Integer> sessionsPerApp();

    /** Events FreeSWITCH numbered but never delivered (gaps in {@code Event-Sequence}). */
    long eventsLost();
}
