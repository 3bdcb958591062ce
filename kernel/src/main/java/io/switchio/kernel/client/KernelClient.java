package io.switchio.kernel.client;

import io.switchio.kernel.app.AppRegistry;
import io.switchio.kernel.model.HostScope;
import io.switchio.kernel.model.JobModel;
import io.switchio.kernel.model.ModelRegistry;
import io.switchio.kernel.model.SessionModel;
import io.switchio.spi.AppLoadException;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Call;
import io.switchio.spi.Client;
import io.switchio.spi.Cluster;
import io.switchio.spi.Counters;
import io.switchio.spi.Job;
import io.switchio.spi.OriginateRequest;
import io.switchio.spi.Session;
import io.switchio.spi.SwitchioException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Client} of one host: commands over its {@link CommandChannel}, jobs and sessions from
 * its {@link ModelRegistry}, apps in its {@link AppRegistry}.
 *
 * <p>Threading: any thread may call any method; app loads and unloads are serialised by the
 * app registry.
 */
public final class KernelClient implements Client {

    private static final Logger LOG = LoggerFactory.getLogger(KernelClient.class);
    private static final String APP_HEADER_VAR = OriginatePlan.APP_HEADER_VAR;

    private final HostScope scope;
    private final int port;
    private final CommandChannel channel;
    private final ModelRegistry models;
    private final AppRegistry apps;
    private final AppLifecycle lifecycle;
    private volatile Cluster cluster;

    /**
     * @param scope the host's shared settings
     * @param port the ESL port
     * @param channel the host's commands
     * @param models the host's models
     * @param apps the host's apps
     * @param subscriptions the host's subscription set
     */
    public KernelClient(HostScope scope, int port, CommandChannel channel, ModelRegistry models, AppRegistry apps,
            SubscriptionSet subscriptions) {
        this.scope = scope;
        this.port = port;
        this.channel = channel;
        this.models = models;
        this.apps = apps;
        this.lifecycle = new AppLifecycle(scope.host(), apps, models, subscriptions);
        this.cluster = new KernelCluster(List.of(this));
    }

    /** Sets the cluster apps see in their context (the kernel's, once every host exists). */
    public void cluster(Cluster cluster) {
        this.cluster = cluster;
    }

    /** The host's models. */
    public ModelRegistry models() {
        return models;
    }

    @Override
    public String host() {
        return scope.host();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean isConnected() {
        return channel.isConnected();
    }

    @Override
    public String api(String command) {
        return channel.api(WireArguments.text("api command", command));
    }

    @Override
    public String cmd(String command) {
        String body = api(command).strip();
        return body.startsWith("+OK") ? body.substring(3).strip() : body;
    }

    @Override
    public Job bgapi(String command) {
        return launch(WireArguments.text("bgapi command", command), null);
    }

    private JobModel launch(String command, String sessionUuid) {
        JobModel job = new JobModel(UUID.randomUUID().toString(), command, sessionUuid);
        models.registerJob(job);
        try {
            channel.bgapi(command, job.uuid());
        } catch (SwitchioException e) {
            models.abandonJob(job, e);
            throw e;
        }
        return job;
    }

    @Override
    public Job originate(OriginateRequest request) {
        return originate(request, Map.of());
    }

    /**
     * Originates from a request or template: fills {@code {uuid_str}}, {@code {app_id}} and the
     * given user fields, and adds {@code origination_uuid}, the tracking variable
     * {@code sip_h_X-switchio_originating_session} and the app-id variable
     * {@code sip_h_X-switchio_app} unless the request sets them. The app id is the request's
     * {@code sip_h_X-switchio_app}, else the only loaded group other than {@code default}, else
     * {@code default}.
     *
     * @throws IllegalArgumentException when a placeholder stays unfilled
     */
    public Job originate(OriginateRequest request, Map<String, String> fields) {
        OriginatePlan plan = OriginatePlan.of(request, fields, defaultGroup());
        return launch(plan.command(), plan.uuid());
    }

    private String defaultGroup() {
        List<String> groups = new ArrayList<>(apps.apps().keySet());
        groups.remove(AppOptions.DEFAULT_GROUP);
        return groups.size() == 1 ? groups.get(0) : AppOptions.DEFAULT_GROUP;
    }

    /**
     * Hangs up the calls of one group: {@code hupall NORMAL_CLEARING sip_h_X-switchio_app <group>}
     * for a named group; the {@code default} group's sessions carry no such variable, so each of
     * them gets a {@code uuid_kill} instead (see {@link #killSessions}).
     */
    @Override
    public void hupall(String appGroup) {
        WireArguments.token("app group", appGroup);
        if (AppOptions.DEFAULT_GROUP.equals(appGroup)) {
            killSessions(appGroup);
            return;
        }
        api("hupall NORMAL_CLEARING " + APP_HEADER_VAR + " " + appGroup);
    }

    /**
     * Sends {@code uuid_kill <uuid> NORMAL_CLEARING} for each live session of a group and returns
     * how many were still there to kill (a channel that ended meanwhile is skipped: FreeSWITCH
     * answers {@code -ERR No such channel!}).
     */
    public int killSessions(String appGroup) {
        int killed = 0;
        for (SessionModel s : List.copyOf(models.sessions())) {
            if (!s.appId().equals(appGroup) || s.isDestroyed()) {
                continue;
            }
            try {
                channel.apiFor(s.uuid(), "uuid_kill " + s.uuid() + " NORMAL_CLEARING");
                killed++;
            } catch (io.switchio.spi.ApiException e) {
                LOG.debug("{}: uuid_kill of {} refused (ended meanwhile?): {}", host(), s.uuid(), e.getMessage());
            } catch (io.switchio.spi.ConnectionLostException e) {
                if (!s.isDestroyed()) {
                    throw e;
                }
                LOG.debug("{}: {} ended while its uuid_kill was sent: {}", host(), s.uuid(), e.getMessage());
            }
        }
        return killed;
    }

    @Override
    public void hupall() {
        for (String group : apps.apps().keySet()) {
            hupall(group);
        }
    }

    @Override
    public String loadApp(Object app, AppOptions options) {
        String name = app.getClass().getSimpleName().isEmpty() ? app.getClass().getName() : app.getClass().getSimpleName();
        return loadApp(name, app, options);
    }

    /**
     * Loads an app under an explicit name (a provider's id).
     *
     * @throws AppLoadException naming the app and why
     */
    public String loadApp(String name, Object app, AppOptions options) {
        return lifecycle.load(name, app, options, (n, g) -> new HostAppContext(this, cluster, options.parameters(), n, g));
    }

    @Override
    public boolean unloadApp(String group) {
        return lifecycle.unload(group);
    }

    /** Unloads one app instance of a group (rollback of a cluster-wide load); true when it was there. */
    public boolean unloadInstance(String group, Object instance) {
        return lifecycle.unloadInstance(group, instance);
    }

    /** Unloads every group (kernel stop). */
    public void unloadAll() {
        lifecycle.unloadAll();
    }

    @Override
    public Map<String, List<String>> apps() {
        return apps.apps();
    }

    @Override
    public Collection<Session> sessions() {
        return List.copyOf(models.sessions());
    }

    @Override
    public Optional<Session> session(String uuid) {
        return Optional.ofNullable(models.session(uuid));
    }

    @Override
    public Collection<Call> calls() {
        return List.copyOf(models.calls());
    }

    @Override
    public Counters counters() {
        return models.counters();
    }

    @Override
    public Object waitFor(Session session, String var, Duration timeout) {
        if (!(session instanceof SessionModel model)) {
            throw new IllegalArgumentException("waitFor needs a session of this kernel, got " + session);
        }
        return model.awaitVar(var, timeout);
    }

    @Override
    public String toString() {
        return "Client[" + host() + ":" + port + "]";
    }
}
