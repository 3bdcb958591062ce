package io.switchio.spi;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Control of one FreeSWITCH host: API commands, background jobs, originate, and the apps loaded on
 * it. One ESL connection per host carries both commands and events.
 *
 * <p>Every argument is checked before it is written: a CR or LF anywhere is refused with
 * {@link IllegalArgumentException}, since it would inject ESL commands.
 *
 * <p>Threading: any thread may call any method. Blocking methods park a virtual thread cheaply.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Client {

    /** The host name or address this client talks to, as configured. */
    String host();

    /** The ESL port (8021 by default). */
    int port();

    /** True while the ESL connection is up and authenticated. */
    boolean isConnected();

    /**
     * Sends {@code api <command>} and waits for FreeSWITCH's {@code api/response}.
     *
     * @return the response body as FreeSWITCH sent it
     * @throws ApiException when the body starts with {@code -ERR} (its text is kept), or the
     *     command is unknown
     * @throws SwitchioTimeoutException when no reply arrives within the command timeout
     * @throws ConnectionLostException when the connection is down or drops meanwhile
     */
    String api(String command);

    /**
     * Like {@link #api(String)}, but returns the result only: a leading {@code +OK } is removed and
     * surrounding white space trimmed.
     */
    String cmd(String command);

    /**
     * Sends {@code bgapi <command>} with a {@code Job-UUID} chosen here, and returns at once.
     *
     * @return the job; its result arrives with the {@code BACKGROUND_JOB} event
     */
    Job bgapi(String command);

    /**
     * Originates a call in the background ({@code bgapi originate ...}).
     *
     * @param request the dial string and variables; the client adds its tracking and app-id
     *     variables ({@code sip_h_X-switchio_originating_session}, {@code sip_h_X-switchio_app})
     *     unless the request sets them
     * @return the job, whose {@link Job#sessionUuid()} is the new leg's {@code origination_uuid}
     */
    Job originate(OriginateRequest request);

    /**
     * Hangs up every leg of an app group: {@code api hupall NORMAL_CLEARING sip_h_X-switchio_app
     * <group>}. Legs of the {@code default} group carry no such variable; each live session of it
     * gets {@code api uuid_kill <uuid> NORMAL_CLEARING} instead.
     */
    void hupall(String appGroup);

    /** Hangs up the legs of every app group loaded on this client. */
    void hupall();

    /**
     * Loads an app: registers its {@link Callback}, {@link Coroutine} and {@link Handler} methods
     * under a group, subscribes the events they need, and runs its {@link Prepost#setup} when it
     * implements {@link Prepost}.
     *
     * @param app an object whose methods carry the marks
     * @param options group, activation header and parameters
     * @return the group id the app was loaded under
     * @throws AppLoadException naming the app and why (no marked methods, a bad method signature,
     *     the same app twice in a non-default group, a failing setup)
     */
    String loadApp(Object app, AppOptions options);

    /**
     * Unloads every app of a group: runs their teardown and removes their callbacks, coroutines,
     * handlers and the subscriptions no other app needs.
     *
     * @return true when the group existed
     */
    boolean unloadApp(String group);

    /** The groups currently loaded, each with the names of its apps in chain order. */
    Map<String, java.util.List<String>> apps();

    /** The live sessions of this host. */
    Collection<Session> sessions();

    /** A live session by uuid. */
    Optional<Session> session(String uuid);

    /** The live calls of this host. */
    Collection<Call> calls();

    /** The counters of this host. */
    Counters counters();

    /**
     * Waits until {@code session.vars().get(var)} is set to something other than {@code null},
     * {@code false}, {@code 0} or the empty string.
     *
     * @return the value
     * @throws SwitchioTimeoutException when the timeout passes first
     * @throws SessionEndedException when the session ends first
     */
    Object waitFor(Session session, String var, Duration timeout);
}
