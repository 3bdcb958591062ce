package io.switchio.kernel.model;

import io.switchio.spi.Counters;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * The running counts of one host: hangup causes, failed sessions (with the last uuids per cause,
 * bounded), failed jobs per reason, sessions per app, answers, lost events.
 *
 * <p>Threading: written by the host dispatcher, read from any thread; each value is read live.
 */
public final class HostCounters implements Counters {

    /** How many failed session uuids are kept per hangup cause. */
    public static final int FAILED_KEPT_PER_CAUSE = 1000;

    private final IntSupplier activeSessions;
    private final IntSupplier activeCalls;
    private final IntSupplier pendingJobs;
    private final LongAdder answered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final Map<String, LongAdder> causes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failedJobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perApp = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> failedByCause = new ConcurrentHashMap<>();
    private final ReentrantLock failedLock = new ReentrantLock();
    private volatile java.util.function.LongSupplier lostAtSource = () -> 0;

    HostCounters(IntSupplier activeSessions, IntSupplier activeCalls, IntSupplier pendingJobs) {
        this.activeSessions = activeSessions;
        this.activeCalls = activeCalls;
        this.pendingJobs = pendingJobs;
    }

    void sessionCreated(String appId) {
        perApp.computeIfAbsent(appId, k -> new AtomicInteger()).incrementAndGet();
    }

    /** A live session moved from one app group to another (a provisional session settled). */
    void sessionMoved(String from, String to) {
        AtomicInteger n = perApp.get(from);
        if (n != null) {
            n.decrementAndGet();
        }
        perApp.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
    }

    void sessionAnswered() {
        answered.increment();
    }

    void sessionDestroyed(String appId, String uuid, String cause, boolean wasAnswered) {
        AtomicInteger n = perApp.get(appId);
        if (n != null) {
            n.decrementAndGet();
        }
        String c = cause == null || cause.isEmpty() ? "UNKNOWN" : cause;
        causes.computeIfAbsent(c, k -> new LongAdder()).increment();
        if (!wasAnswered || !"NORMAL_CLEARING".equals(c)) {
            failed.increment();
            failedLock.lock();
            try {
                Deque<String> d = failedByCause.computeIfAbsent(c, k -> new ArrayDeque<>());
                if (d.size() == FAILED_KEPT_PER_CAUSE) {
                    d.removeFirst();
                }
                d.addLast(uuid);
            } finally {
                failedLock.unlock();
            }
        }
    }

    void jobFailed(String reason) {
        failedJobs.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    /** Counts events the kernel knows were lost. */
    public void eventsLost(long n) {
        lost.add(n);
    }

    /** Where the connection reports the events it saw missing ({@code Event-Sequence} gaps). */
    public void lostAtSource(java.util.function.LongSupplier source) {
        this.lostAtSource = source;
    }

    /** The uuids of the newest failed sessions of a hangup cause (at most {@value #FAILED_KEPT_PER_CAUSE}). */
    @Override
    public List<String> failedSessions(String cause) {
        failedLock.lock();
        try {
            Deque<String> d = failedByCause.get(cause);
            return d == null ? List.of() : List.copyOf(d);
        } finally {
            failedLock.unlock();
        }
    }

    /** Clears hangup causes, failed counts and answers (not live gauges). */
    public void reset() {
        answered.reset();
        failed.reset();
        causes.clear();
        failedJobs.clear();
        failedLock.lock();
        try {
            failedByCause.clear();
        } finally {
            failedLock.unlock();
        }
    }

    @Override
    public int activeSessions() {
        return activeSessions.getAsInt();
    }

    @Override
    public int activeCalls() {
        return activeCalls.getAsInt();
    }

    @Override
    public int pendingJobs() {
        return pendingJobs.getAsInt();
    }

    @Override
    public long totalAnswered() {
        return answered.sum();
    }

    @Override
    public Map<String, Long> hangupCauses() {
        return snapshot(causes);
    }

    @Override
    public long failedSessions() {
        return failed.sum();
    }

    @Override
    public Map<String, Long> failedJobs() {
        return snapshot(failedJobs);
    }

    @Override
    public Map<String, Integer> sessionsPerApp() {
        Map<String, Integer> out = new TreeMap<>();
        perApp.forEach((k, v) -> {
            if (v.get() > 0) {
                out.put(k, v.get());
            }
        });
        return out;
    }

    @Override
    public long eventsLost() {
        return lost.sum() + lostAtSource.getAsLong();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> map) {
        Map<String, Long> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
