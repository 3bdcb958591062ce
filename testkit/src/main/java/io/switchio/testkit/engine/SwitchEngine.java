package io.switchio.testkit.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The switch: one engine thread (a single-threaded scheduler, i.e. a timer heap) that owns every
 * channel and runs every state change, app step and timer. Other threads hand it work with
 * {@link #execute}/{@link #call}.
 *
 * <p>Threading: {@link #start(SimThreads)}/{@link #close()} by the owner; {@code execute}/{@code call}/
 * {@code schedule} from any thread; channel maps are read on the engine thread (the uuid index is
 * concurrent so lookups from other threads are safe but must not touch channel fields).
 */
public final class SwitchEngine implements AutoCloseable {
    private final SimConfig config;
    private final SimClock clock;
    private final EventBus bus;
    private final ChannelEvents events;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    private final ReentrantLock uuidLock = new ReentrantLock();
    private final SplittableRandom random = new SplittableRandom();
    private ScheduledThreadPoolExecutor executor;
    private volatile Thread engineThread;
    private long nextSessionId = 1;
    private final AtomicLong originates = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong destroyed = new AtomicLong();
    private volatile int maxSessions;
    private volatile int sessionsPerSecond;
    private long spsWindowSecond = -1;
    private int spsWindowCount;
    private int peakSessions;
    private final GlobalVars globals;
    private final VariableExpander expander;
    private volatile java.util.function.BiFunction<String, String, String> expansionApi = (name, args) -> null;

    /** An engine for this configuration; nothing runs until {@link #start(SimThreads)}. */
    public SwitchEngine(SimConfig config, SimClock clock, EventBus bus) {
        this.config = config;
        this.clock = clock;
        this.bus = bus;
        this.events = new ChannelEvents(bus);
        this.maxSessions = config.maxSessions();
        this.sessionsPerSecond = config.sessionsPerSecond();
        this.globals = new GlobalVars(config, bus);
        this.expander = new VariableExpander(globals, (name, args) -> expansionApi.apply(name, args));
    }

    /** The switch's global variables. */
    public GlobalVars globals() {
        return globals;
    }

    /** Channel-variable expansion ({@code ${...}}) as FreeSWITCH applies it to app arguments. */
    public VariableExpander expander() {
        return expander;
    }

    /** Where {@code ${api args}} expansions run (engine thread; null result = no output). */
    public void expansionApi(java.util.function.BiFunction<String, String, String> api) {
        this.expansionApi = api;
    }

    /** Starts the engine thread, {@code sim-engine-<tag>}, from {@code threads}. */
    public void start(SimThreads threads) {
        ThreadFactory factory = threads.platformFactory("engine");
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = factory.newThread(r);
            engineThread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Stops the engine thread, dropping pending timers, and returns once that thread has ended (a
     * terminated pool can still have its worker thread alive for a moment).
     */
    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
                Thread t = engineThread;
                if (t != null) {
                    t.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The settings it runs with. */
    public SimConfig config() {
        return config;
    }

    /** The simulated clock. */
    public SimClock clock() {
        return clock;
    }

    /** Where events are published. */
    public EventBus bus() {
        return bus;
    }

    /** Builds and raises channel events. */
    public ChannelEvents events() {
        return events;
    }

    /** True on the engine thread. */
    public boolean onEngine() {
        return Thread.currentThread() == engineThread;
    }

    /** Runs a task on the engine thread, reporting (not swallowing) its failure. */
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    /** Runs a task after {@code simMillis} of simulated time. */
    public Future<?> schedule(Runnable task, long simMillis) {
        return executor.schedule(guarded(task), clock.realNanos(Math.max(0, simMillis)), TimeUnit.NANOSECONDS);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.getLogger("io.switchio.testkit").log(System.Logger.Level.ERROR,
                        "simulator engine task failed: " + e, e);
            }
        };
    }

    /** Runs a task on the engine thread and waits (10 s at most) for its result. */
    public <T> T call(Callable<T> task) {
        if (onEngine()) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return executor.submit(task).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulator engine task failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulator engine", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("simulator engine did not answer within 10 s", e);
        }
    }

    /** A fresh random (version 4) UUID from a fast non-secure generator (engine thread only). */
    public String newUuid() {
        uuidLock.lock();
        try {
            long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(hi, lo).toString();
        } finally {
            uuidLock.unlock();
        }
    }

    /** Registers a new leg; the caller fills it and fires its events. */
    public Channel newChannel(String uuid, String name, Channel.Kind kind, boolean outbound) {
        Channel ch = new Channel(uuid, name, kind, outbound, nextSessionId++, clock.nowMicros());
        channels.put(uuid, ch);
        created.incrementAndGet();
        peakSessions = Math.max(peakSessions, channels.size());
        return ch;
    }

    /** Re-keys a leg after a UUID change. */
    public void rekey(Channel ch, String newUuid) {
        channels.remove(ch.uuid);
        ch.uuid = newUuid;
        channels.put(newUuid, ch);
    }

    /** Forgets a destroyed leg. */
    public void remove(Channel ch) {
        if (channels.remove(ch.uuid, ch)) {
            destroyed.incrementAndGet();
        }
    }

    /** The leg with this uuid, or null (engine thread). */
    public Channel channel(String uuid) {
        return uuid == null ? null : channels.get(uuid);
    }

    /** True if a leg with this uuid exists (any thread). */
    public boolean exists(String uuid) {
        return uuid != null && channels.containsKey(uuid);
    }

    /** Every live leg (engine thread). */
    public Collection<Channel> channels() {
        return channels.values();
    }

    /** A copy of the live legs, oldest first (engine thread). */
    public List<Channel> sortedChannels() {
        List<Channel> list = new ArrayList<>(channels.values());
        list.sort((a, b) -> Long.compare(a.sessionId, b.sessionId));
        return list;
    }

    /** Number of live legs. */
    public int sessionCount() {
        return channels.size();
    }

    /** Admission control as FreeSWITCH's session limits: null when allowed, else the refusal cause. */
    public HangupCause admit() {
        if (maxSessions > 0 && channels.size() >= maxSessions) {
            return HangupCause.SWITCH_CONGESTION;
        }
        if (sessionsPerSecond > 0) {
            long second = clock.uptimeMillis() / 1000;
            if (second != spsWindowSecond) {
                spsWindowSecond = second;
                spsWindowCount = 0;
            }
            if (++spsWindowCount > sessionsPerSecond) {
                return HangupCause.SWITCH_CONGESTION;
            }
        }
        return null;
    }

    /** {@code fsctl max_sessions}: the session limit. */
    public int maxSessions() {
        return maxSessions;
    }

    /** Sets the session limit ({@code fsctl max_sessions}). */
    public void maxSessions(int n) {
        this.maxSessions = n;
    }

    /** {@code fsctl sps}: new sessions allowed per second (0 = no limit). */
    public int sessionsPerSecond() {
        return sessionsPerSecond;
    }

    /** Sets new sessions allowed per second ({@code fsctl sps}). */
    public void sessionsPerSecond(int n) {
        this.sessionsPerSecond = n;
    }

    /** The most legs alive at once so far. */
    public int peakSessions() {
        return peakSessions;
    }

    /** Counts an originate. */
    public void countOriginate() {
        originates.incrementAndGet();
    }

    /** Originates counted so far. */
    public long originates() {
        return originates.get();
    }

    /** Legs created so far. */
    public long created() {
        return created.get();
    }

    /** Legs destroyed so far. */
    public long destroyed() {
        return destroyed.get();
    }
}
