package io.switchio.kernel.model;

import io.switchio.spi.Call;
import io.switchio.spi.Direction;
import io.switchio.spi.Event;
import io.switchio.spi.Job;
import io.switchio.spi.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state half of a {@link Session}: identity, history, answer/hangup facts, and the waiting
 * machinery ({@code recv}/{@code poll}). The command half lives in a subclass in the client
 * package, created through a {@link SessionFactory}.
 *
 * <p>Threading: state is written only by the host dispatcher (through {@link ModelRegistry}) and
 * read from any thread (volatile fields, a locked {@link EventLog}). The {@link #turn()} lock is
 * held by whichever app code of this session runs now.
 */
public abstract class SessionModel implements Session {

    private final HostScope scope;
    private final String uuid;
    private final String appId;
    private final EventLog log;
    private final ReentrantLock turn = new ReentrantLock();
    private final ReentrantLock progressLock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition progressed = progressLock.newCondition();
    private final Instant createdAt;
    private final Map<String, Object> vars = new ConcurrentHashMap<>();
    private volatile String currentUuid;
    private volatile Direction direction;
    private volatile CallModel call;
    private volatile JobModel job;
    private volatile Instant originatedAt;
    private volatile Instant answeredAt;
    private volatile Instant hungUpAt;
    private volatile boolean answered;
    private volatile boolean hungUp;

    /**
     * @param scope the host's shared settings
     * @param uuid the channel uuid
     * @param appId the app group chosen at creation
     * @param first the event that created the session (not yet appended)
     */
    protected SessionModel(HostScope scope, String uuid, String appId, Event first) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.currentUuid = uuid;
        this.appId = Objects.requireNonNull(appId, "appId");
        this.log = new EventLog(scope.historyLimit());
        this.createdAt = first.timestamp().orElseGet(Instant::now);
        this.direction = Direction.fromHeader(first.header("Call-Direction"));
    }

    // ---------------------------------------------------------------- dispatcher-side updates

    /** Records an event (dispatcher thread only); returns its log index. */
    long record(Event event) {
        if (direction == null) {
            direction = Direction.fromHeader(event.header("Call-Direction"));
        }
        switch (event.name()) {
            case "CHANNEL_ORIGINATE" -> originatedAt = event.timestamp().orElseGet(Instant::now);
            case "CHANNEL_ANSWER" -> {
                answered = true;
                answeredAt = event.timestamp().orElseGet(Instant::now);
            }
            case "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY" -> {
                if (!hungUp) {
                    hungUp = true;
                    hungUpAt = event.timestamp().orElseGet(Instant::now);
                }
            }
            default -> { }
        }
        return log.append(event);
    }

    void attach(CallModel call) {
        this.call = call;
    }

    void attach(JobModel job) {
        this.job = job;
    }

    void renamed(String newUuid) {
        this.currentUuid = newUuid;
    }

    /** Ends every wait on this session (dispatcher thread, after the destroy was recorded). */
    void destroyed() {
        hungUp = true;
        log.close();
        appProgressed();
    }

    /** Wakes {@link #awaitVar} waiters: app code of this session finished handling an event. */
    public void appProgressed() {
        progressLock.lock();
        try {
            progressed.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    /**
     * Waits until {@code vars().get(var)} is set to something other than {@code null},
     * {@code false}, {@code 0} or the empty string. Re-checks each time app code of the session
     * finished an event, and at least every 50 ms for values set from other threads.
     */
    public Object awaitVar(String var, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        progressLock.lock();
        try {
            while (true) {
                Object v = vars.get(var);
                if (isSet(v)) {
                    return v;
                }
                if (log.isClosed()) {
                    throw new io.switchio.spi.SessionEndedException(uuid(), "session " + uuid() + " ended before var '" + var + "' was set");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new io.switchio.spi.SwitchioTimeoutException("var '" + var + "' of session " + uuid()
                            + " was not set within " + timeout.toMillis() + " ms");
                }
                try {
                    progressed.awaitNanos(Math.min(left, 50_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new io.switchio.spi.SwitchioTimeoutException("interrupted while waiting for var '" + var + "'");
                }
            }
        } finally {
            progressLock.unlock();
        }
    }

    private static boolean isSet(Object v) {
        return v != null && !Boolean.FALSE.equals(v) && !"".equals(v)
                && !(v instanceof Number n && n.doubleValue() == 0);
    }

    /** The session's history and wait log. */
    public EventLog log() {
        return log;
    }

    /** The lock held by whichever app code of this session runs now. */
    public ReentrantLock turn() {
        return turn;
    }

    /** The host's shared settings. */
    protected HostScope scope() {
        return scope;
    }

    /** The job that created this session, or {@code null}. */
    public JobModel jobModel() {
        return job;
    }

    /** The model of this session's call. */
    public CallModel callModel() {
        return call;
    }

    /** True once the session was destroyed. */
    public boolean isDestroyed() {
        return log.isClosed();
    }

    // ---------------------------------------------------------------- Session: identity and state

    @Override
    public String uuid() {
        return currentUuid;
    }

    @Override
    public String host() {
        return scope.host();
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public Call call() {
        return call;
    }

    @Override
    public String appId() {
        return appId;
    }

    @Override
    public boolean isAnswered() {
        return answered;
    }

    @Override
    public boolean isHungUp() {
        return hungUp;
    }

    @Override
    public Optional<Job> job() {
        return Optional.ofNullable(job);
    }

    @Override
    public String get(String name) {
        String v = log.newestHeader(name);
        if (v == null && !name.startsWith("variable_")) {
            v = log.newestHeader("variable_" + name);
        }
        return v;
    }

    @Override
    public List<Event> events() {
        return log.snapshot();
    }

    @Override
    public Event lastEvent() {
        return log.latest();
    }

    @Override
    public Map<String, Object> vars() {
        return vars;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public Optional<Instant> originatedAt() {
        return Optional.ofNullable(originatedAt);
    }

    @Override
    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    @Override
    public Optional<Instant> hungUpAt() {
        return Optional.ofNullable(hungUpAt);
    }

    @Override
    public Duration uptime() {
        Event last = log.latest();
        Instant lastAt = last == null ? createdAt : last.timestamp().orElse(createdAt);
        return lastAt.isBefore(createdAt) ? Duration.ZERO : Duration.between(createdAt, lastAt);
    }

    // ---------------------------------------------------------------- Session: waiting

    @Override
    public Event recv(String eventName) {
        return recv(eventName, scope.commandTimeout());
    }

    @Override
    public Event recv(String eventName, Duration timeout) {
        return poll(Set.of(eventName), timeout);
    }

    @Override
    public Event poll(Set<String> eventNames, Duration timeout) {
        if (eventNames.isEmpty()) {
            throw new IllegalArgumentException("poll needs at least one event name");
        }
        return awaitFrom(waitCursor(), eventNames, timeout);
    }

    /**
     * Where the next wait of the calling code starts: the current invocation's cursor, or (for
     * code outside this session's app invocations) the next event to arrive.
     */
    protected final long waitCursor() {
        AppFrame frame = frameOfThisSession();
        return frame != null ? frame.cursor() : log.nextIndex();
    }

    /** Waits for one of {@code names} at or after {@code from}, giving up the turn meanwhile. */
    protected final Event awaitFrom(long from, Set<String> names, Duration timeout) {
        return awaitMatch(from, names, timeout).event();
    }

    /**
     * Like {@link #awaitFrom}, returning the log index too, so a caller can keep searching after
     * it (e.g. for the {@code CHANNEL_EXECUTE_COMPLETE} of one application).
     */
    protected final EventLog.Match awaitMatch(long from, Set<String> names, Duration timeout) {
        EventSubscriber subscriber = scope.subscriber();
        EventLog.Match match = blocking(() -> {
            int acquired = 0;
            try {
                for (String name : names) {
                    subscriber.acquire(name);
                    acquired++;
                }
                return log.await(names, from, timeout.toNanos(), uuid());
            } finally {
                for (String name : names) {
                    if (acquired-- <= 0) {
                        break;
                    }
                    subscriber.release(name);
                }
            }
        });
        AppFrame frame = frameOfThisSession();
        if (frame != null) {
            frame.consumed(match.index());
        }
        return match;
    }

    /**
     * Runs a blocking operation; when the caller is a coroutine of this session holding the turn,
     * the turn is given up for the duration so the session's other app code can run.
     */
    protected final <T> T blocking(Supplier<T> operation) {
        AppFrame frame = frameOfThisSession();
        if (frame == null || !frame.mayYield()) {
            return operation.get();
        }
        frame.yieldTurn();
        try {
            return operation.get();
        } finally {
            frame.resumeTurn();
        }
    }

    private AppFrame frameOfThisSession() {
        AppFrame frame = scope.currentFrame();
        return frame != null && frame.session() == this ? frame : null;
    }

    @Override
    public String toString() {
        return "Session[" + uuid() + "@" + host() + ", app=" + appId + "]";
    }
}
