package io.switchio.testkit.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * The one place the simulator creates threads: each is named {@code sim-<role>-<tag>} (the tag tells
 * simulators in one JVM apart) and counted while it runs, so {@link #join} can wait for all of them, virtual
 * ones included ({@link Thread#getAllStackTraces()} does not list virtual threads).
 *
 * <p>Threading: any thread may start threads or read {@link #live()}; the simulator's {@code close()} joins.
 */
public final class SimThreads {
    private final String tag;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    /**
     * Threads named with this simulator's {@code tag}.
     *
     * @param tag the suffix of every thread name
     */
    public SimThreads(String tag) {
        this.tag = tag;
    }

    /**
     * The suffix of every thread name.
     *
     * @return the tag
     */
    public String tag() {
        return tag;
    }

    /**
     * Starts a daemon platform thread {@code sim-<role>-<tag>} running {@code task}.
     *
     * @param role what the thread does, part of its name
     * @param task what it runs
     * @return the started thread
     */
    public Thread startPlatform(String role, Runnable task) {
        Thread t = Thread.ofPlatform().name(name(role)).daemon(true).unstarted(tracked(task));
        live.add(t);
        t.start();
        return t;
    }

    /**
     * Starts a virtual thread {@code sim-<role>-<tag>} running {@code task}.
     *
     * @param role what the thread does, part of its name
     * @param task what it runs
     * @return the started thread
     */
    public Thread startVirtual(String role, Runnable task) {
        Thread t = Thread.ofVirtual().name(name(role)).unstarted(tracked(task));
        live.add(t);
        t.start();
        return t;
    }

    /**
     * A factory of daemon platform threads {@code sim-<role>-<tag>} (for an executor), counted like the rest.
     *
     * @param role what the threads do, part of their names
     * @return the factory
     */
    public ThreadFactory platformFactory(String role) {
        return r -> {
            Thread t = Thread.ofPlatform().name(name(role)).daemon(true).unstarted(tracked(r));
            live.add(t);
            return t;
        };
    }

    /**
     * How many threads made here have not ended yet.
     *
     * @return the number of live threads
     */
    public int live() {
        return live.size();
    }

    /**
     * Waits up to {@code timeout} in all for every thread made here (except the caller) to end.
     *
     * @param timeout the longest wait in all
     * @return true if none is left
     * @throws InterruptedException if the caller is interrupted while waiting
     */
    public boolean join(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : live) {
            long left = deadline - System.nanoTime();
            if (t != Thread.currentThread() && left > 0) {
                t.join(Duration.ofNanos(left));
            }
        }
        return live.isEmpty() || live.size() == 1 && live.contains(Thread.currentThread());
    }

    private String name(String role) {
        return "sim-" + role + "-" + tag;
    }

    private Runnable tracked(Runnable task) {
        return () -> {
            try {
                task.run();
            } finally {
                live.remove(Thread.currentThread());
            }
        };
    }
}
