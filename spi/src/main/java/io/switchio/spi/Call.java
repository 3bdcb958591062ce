package io.switchio.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call: the legs ({@link Session}s) that share a value of the tracking header, e.g. both legs of
 * a call switchio originated to itself, or the two sides of a bridge.
 *
 * <p>Threading: the leg list is updated by the host's dispatcher; reads from any thread see a
 * consistent snapshot. {@link #vars()} is a concurrent map shared by every app of the call.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Call {

    /** The tracking header's value that groups the legs (a session uuid when nothing else). */
    String key();

    /** The live legs, in the order they appeared. */
    List<Session> legs();

    /** The first leg seen. */
    Session first();

    /** The most recent leg when the call has more than one, else empty. */
    Optional<Session> last();

    /** The other leg of a two-leg call, seen from {@code leg}; empty for a single-leg call. */
    Optional<Session> peer(Session leg);

    /** Free-form per-call state for apps; thread-safe. */
    Map<String, Object> vars();

    /**
     * Hangs up the first leg with {@code NORMAL_CLEARING} (FreeSWITCH then hangs up bridged legs).
     * Sends {@code api uuid_kill <first-uuid> NORMAL_CLEARING}; returns once FreeSWITCH replied.
     *
     * @throws ApiException when FreeSWITCH answers {@code -ERR}
     */
    void hangup();
}
