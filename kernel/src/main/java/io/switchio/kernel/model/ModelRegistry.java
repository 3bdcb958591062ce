package io.switchio.kernel.model;

import io.switchio.spi.Event;
import io.switchio.spi.SwitchioException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The sessions, calls and jobs of one host, updated from its events in order.
 *
 * <p>Sessions are created on {@code CHANNEL_CREATE} or {@code CHANNEL_ORIGINATE} (whichever comes
 * first; the other is recorded too), renamed on {@code CHANNEL_UUID}, destroyed on
 * {@code CHANNEL_DESTROY}. A session's app group is chosen once, at creation, from the first
 * present activation header. Calls group legs by the tracking header. Jobs are pending from
 * registration to their {@code BACKGROUND_JOB}; a done job is owned by its session, if any.
 *
 * <p>Threading: {@link #apply}, {@link #vanish} and {@link #recentlyDestroyed} run on the host
 * dispatcher thread only; {@link #controlledChannels} and {@link #onEnded} before it starts;
 * {@link #registerJob} and the readers run on any thread (concurrent maps).
 */
public final class ModelRegistry {

    /** How many destroyed uuids are remembered, so stale channel lists cannot revive them. */
    static final int TOMBSTONES = 8192;

    private final HostScope scope;
    private final SessionFactory factory;
    private final SessionRouting routing;
    private final Map<String, SessionModel> sessions = new ConcurrentHashMap<>();
    private final Map<String, CallModel> calls = new ConcurrentHashMap<>();
    private final Map<String, JobModel> jobs = new ConcurrentHashMap<>();
    private final Map<String, JobModel> jobsBySession = new ConcurrentHashMap<>();
    private final HostCounters counters;
    private boolean controlled;
    private Consumer<SessionModel> endListener = s -> { };
    private final Map<String, Boolean> tombstones = new java.util.LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > TOMBSTONES;
        }
    };

    /**
     * @param scope the host's shared settings
     * @param factory creates session objects
     * @param appHeaders activation headers, first present wins
     * @param trackingHeader the header whose value groups legs into calls
     */
    public ModelRegistry(HostScope scope, SessionFactory factory, List<String> appHeaders, String trackingHeader) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.routing = new SessionRouting(appHeaders, trackingHeader);
        this.counters = new HostCounters(sessions::size, calls::size, jobs::size);
    }

    /**
     * Switches to the rules of controlled channels (outbound sockets, esl-protocol §4.6, §6.2):
     * the connection never sees {@code CHANNEL_CREATE} (the channel exists before it connects) nor,
     * normally, {@code CHANNEL_DESTROY} (it holds the channel until it exits). So a session is
     * created by the {@code CHANNEL_DATA} of the {@code connect} reply and ends with
     * {@code CHANNEL_HANGUP_COMPLETE} (or a destroy the owner makes up when the socket closes
     * first). Call before the first event.
     */
    public void controlledChannels() {
        this.controlled = true;
    }

    /** Called on the dispatcher thread with each session that just ended (set before the first event). */
    public void onEnded(Consumer<SessionModel> listener) {
        this.endListener = Objects.requireNonNull(listener, "listener");
    }

    /** Replaces the activation headers (apps may add their own in front). */
    public void appHeaders(List<String> headers) {
        routing.appHeaders(headers);
    }

    /** The activation headers in the order they are consulted. */
    public List<String> appHeaders() {
        return routing.appHeaders();
    }

    /** The header that groups legs into calls. */
    public String trackingHeader() {
        return routing.trackingHeader();
    }

    /** Registers a job before its {@code bgapi} is sent. */
    public void registerJob(JobModel job) {
        jobs.put(job.uuid(), job);
        job.sessionUuid().ifPresent(s -> jobsBySession.put(s, job));
    }

    /** Forgets a job whose {@code bgapi} could not be sent, failing it with the cause. */
    public void abandonJob(JobModel job, SwitchioException cause) {
        jobs.remove(job.uuid(), job);
        job.sessionUuid().ifPresent(s -> jobsBySession.remove(s, job));
        job.fail(cause);
    }

    /** Fails every pending job (the connection dropped; their results will never come). */
    public void failPendingJobs(SwitchioException cause) {
        for (JobModel job : new ArrayList<>(jobs.values())) {
            abandonJob(job, cause);
        }
    }

    /**
     * Ends every wait on every live session and fails the pending jobs (the kernel is closing and
     * no event will come any more); the sessions stay readable. Call after the dispatcher stopped.
     */
    public void shutdown(SwitchioException cause) {
        for (SessionModel s : sessions.values()) {
            s.destroyed();
        }
        failPendingJobs(cause);
    }

    /** Applies one event (dispatcher thread only). */
    public ModelUpdate apply(Event event) {
        String name = event.name();
        if (controlled) {
            if ("CHANNEL_DATA".equals(name)) {
                return created(event);
            }
            if ("CHANNEL_HANGUP_COMPLETE".equals(name)) {
                return destroyed(event);
            }
        }
        return switch (name) {
            case "CHANNEL_CREATE", "CHANNEL_ORIGINATE" -> created(event);
            case "CHANNEL_DESTROY" -> destroyed(event);
            case "BACKGROUND_JOB" -> jobDone(event);
            case "CHANNEL_UUID" -> renamed(event);
            default -> updated(event);
        };
    }

    private ModelUpdate created(Event event) {
        String uuid = event.uniqueId();
        if (uuid == null) {
            return ModelUpdate.NONE;
        }
        SessionModel session = sessions.get(uuid);
        boolean created = session == null;
        if (created) {
            String appId = routing.appOf(event);
            session = factory.create(scope, uuid, appId, event);
            String key = routing.callKeyOf(event, uuid);
            CallModel call = calls.computeIfAbsent(key, CallModel::new);
            call.add(session);
            session.attach(call);
            JobModel job = jobsBySession.remove(uuid);
            if (job != null) {
                session.attach(job);
            }
            sessions.put(uuid, session);
            counters.sessionCreated(appId);
        } else if (session.isProvisional() && event.header("switchio-Synthetic") == null) {
            settle(session, event);
        }
        long index = session.record(event);
        return new ModelUpdate(session, index, session.jobModel(), created, false);
    }

    /**
     * A session a resync made from a bare channel row meets its real creation event (the two
     * raced): its app group and call are chosen again from the real headers, as they would have
     * been had the real event come first.
     */
    private void settle(SessionModel session, Event real) {
        String from = session.appId();
        String to = routing.appOf(real);
        session.settle(to);
        if (!from.equals(to)) {
            counters.sessionMoved(from, to);
        }
        String key = routing.callKeyOf(real, session.uuid());
        CallModel old = session.callModel();
        if (old != null && !old.key().equals(key)) {
            if (old.remove(session)) {
                calls.remove(old.key(), old);
            }
            CallModel call = calls.computeIfAbsent(key, CallModel::new);
            call.add(session);
            session.attach(call);
        }
    }

    private ModelUpdate updated(Event event) {
        String uuid = event.uniqueId();
        SessionModel session = uuid == null ? null : sessions.get(uuid);
        if (session == null) {
            return ModelUpdate.NONE;
        }
        boolean wasAnswered = session.isAnswered();
        long index = session.record(event);
        if (!wasAnswered && session.isAnswered()) {
            counters.sessionAnswered();
        }
        return new ModelUpdate(session, index, session.jobModel(), false, false);
    }

    private ModelUpdate destroyed(Event event) {
        String uuid = event.uniqueId();
        SessionModel session = uuid == null ? null : sessions.get(uuid);
        if (session == null) {
            return ModelUpdate.NONE;
        }
        long index = session.record(event);
        end(uuid, session);
        return new ModelUpdate(session, index, session.jobModel(), false, true);
    }

    /**
     * Ends a session that vanished without a {@code CHANNEL_DESTROY} (found missing after a
     * reconnect). Returns it, or {@code null} when unknown.
     */
    public SessionModel vanish(String uuid) {
        SessionModel session = sessions.get(uuid);
        if (session != null) {
            end(uuid, session);
        }
        return session;
    }

    /** Ends a session: its call goes before the session leaves the map, so readers never see a call without sessions. */
    private void end(String uuid, SessionModel session) {
        counters.sessionDestroyed(session.appId(), session.uuid(), session.hangupCause(), session.isAnswered());
        CallModel call = session.callModel();
        if (call != null && call.remove(session)) {
            calls.remove(call.key(), call);
        }
        sessions.remove(uuid, session);
        jobsBySession.remove(session.uuid());
        tombstones.put(session.uuid(), Boolean.TRUE);
        session.destroyed();
        endListener.accept(session);
    }

    /** True when a session of this uuid was destroyed lately (dispatcher thread only). */
    public boolean recentlyDestroyed(String uuid) {
        return tombstones.containsKey(uuid);
    }

    private ModelUpdate jobDone(Event event) {
        String jobUuid = event.header("Job-UUID");
        JobModel job = jobUuid == null ? null : jobs.remove(jobUuid);
        if (job == null) {
            return ModelUpdate.NONE;
        }
        String reason = job.complete(event.body());
        if (reason != null) {
            counters.jobFailed(reason);
        }
        String sessionUuid = job.sessionUuid().orElse(null);
        if (sessionUuid == null) {
            return new ModelUpdate(null, -1, job, false, false);
        }
        jobsBySession.remove(sessionUuid, job);
        SessionModel session = sessions.get(sessionUuid);
        if (session == null) {
            return new ModelUpdate(null, -1, job, false, false);
        }
        long index = session.record(event);
        return new ModelUpdate(session, index, job, false, false);
    }

    private ModelUpdate renamed(Event event) {
        String old = event.header("Old-Unique-ID");
        String now = event.uniqueId();
        SessionModel session = old == null ? null : sessions.remove(old);
        if (session == null || now == null) {
            return updated(event);
        }
        sessions.put(now, session);
        session.renamed(now);
        long index = session.record(event);
        return new ModelUpdate(session, index, session.jobModel(), false, false);
    }

    /** The live sessions. */
    public Collection<SessionModel> sessions() {
        return sessions.values();
    }

    /** A live session by uuid, or {@code null}. */
    public SessionModel session(String uuid) {
        return sessions.get(uuid);
    }

    /** The live calls. */
    public Collection<CallModel> calls() {
        return calls.values();
    }

    /** A pending job by uuid, or {@code null}. */
    public JobModel pendingJob(String uuid) {
        return jobs.get(uuid);
    }

    /** This host's counters. */
    public HostCounters counters() {
        return counters;
    }
}
