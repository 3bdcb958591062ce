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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of a {@link Session}: identity, history, answer and hangup facts, call and job, as
 * the host's events record them. The waiting machinery is added by {@link SessionModel}, the
 * commands by a subclass in the client package.
 *
 * <p>Threading: state is written only by the host dispatcher (through {@link ModelRegistry}) and
 * read from any thread (volatile fields, a locked {@link EventLog}).
 */
public abstract sealed class SessionState implements Session permits SessionModel {

    private final HostScope scope;
    private final String uuid;
    private volatile String appId;
    /** Created from a resync's synthetic event and not yet settled by its first real creation event. */
    private volatile boolean provisional;
    private final EventLog log;
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
    /** The newest {@code Hangup-Cause} of a hangup-family event, or {@code null}. */
    private volatile String hangupCause;

    /**
     * @param scope the host's shared settings
     * @param uuid the channel uuid
     * @param appId the app group chosen at creation
     * @param first the event that created the session (not yet appended)
     */
    SessionState(HostScope scope, String uuid, String appId, Event first) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.currentUuid = uuid;
        this.appId = Objects.requireNonNull(appId, "appId");
        this.provisional = SyntheticEvent.RESYNC.equals(first.header("switchio-Synthetic"));
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
                String cause = event.header("Hangup-Cause");
                if (cause != null && !cause.isEmpty()) {
                    hangupCause = cause;
                }
            }
            default -> { }
        }
        return log.append(event);
    }

    /**
     * True while the session was made from a resync's channel row (which carries no channel
     * variables) and no real creation event has settled its app group yet.
     */
    boolean isProvisional() {
        return provisional;
    }

    /** Settles a provisional session's app group from its first real creation event (dispatcher thread). */
    void settle(String appId) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.provisional = false;
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

    /**
     * The newest {@code Hangup-Cause} a hangup-family event carried, or {@code null}. Kept as a
     * field when recorded so that ending a session never searches its history on the dispatcher.
     */
    String hangupCause() {
        return hangupCause;
    }

    /** Marks the session hung up (its destroy was recorded or it vanished). */
    void markHungUp() {
        hungUp = true;
    }

    /** The session's history and wait log. */
    public EventLog log() {
        return log;
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

    @Override
    public String toString() {
        return "Session[" + uuid() + "@" + host() + ", app=" + appId + "]";
    }
}
