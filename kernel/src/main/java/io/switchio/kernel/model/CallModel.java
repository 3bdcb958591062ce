package io.switchio.kernel.model;

import io.switchio.spi.Call;
import io.switchio.spi.Session;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A call: the live legs that share one value of the tracking header.
 *
 * <p>Threading: legs are added and removed by the host dispatcher, which publishes an immutable
 * list through a volatile field; any thread reads a consistent snapshot.
 */
public final class CallModel implements Call {

    private final String key;
    private final Map<String, Object> vars = new ConcurrentHashMap<>();
    private volatile List<SessionModel> legs = List.of();
    private volatile SessionModel first;

    /** @param key the tracking header's value */
    public CallModel(String key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    void add(SessionModel leg) {
        if (first == null) {
            first = leg;
        }
        List<SessionModel> next = new java.util.ArrayList<>(legs);
        next.add(leg);
        legs = List.copyOf(next);
    }

    /** Removes a leg; returns true when no leg is left. */
    boolean remove(SessionModel leg) {
        List<SessionModel> next = new java.util.ArrayList<>(legs);
        next.remove(leg);
        legs = List.copyOf(next);
        return next.isEmpty();
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public List<Session> legs() {
        return List.copyOf(legs);
    }

    @Override
    public Session first() {
        return first;
    }

    @Override
    public Optional<Session> last() {
        List<SessionModel> l = legs;
        return l.size() > 1 ? Optional.of(l.get(l.size() - 1)) : Optional.empty();
    }

    @Override
    public Optional<Session> peer(Session leg) {
        for (SessionModel s : legs) {
            if (s != leg) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, Object> vars() {
        return vars;
    }

    /** Hangs up the first leg, or the oldest live one when the first is already gone. */
    @Override
    public void hangup() {
        List<SessionModel> live = legs;
        SessionModel target = live.contains(first) || live.isEmpty() ? first : live.get(0);
        target.hangup();
    }

    @Override
    public String toString() {
        return "Call[" + key + ", legs=" + legs.size() + "]";
    }
}
