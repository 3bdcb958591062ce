package io.switchio.kernel.client;

import static io.switchio.kernel.client.WireArguments.oneOf;
import static io.switchio.kernel.client.WireArguments.seconds;
import static io.switchio.kernel.client.WireArguments.text;
import static io.switchio.kernel.client.WireArguments.token;

import io.switchio.kernel.model.HostScope;
import io.switchio.kernel.model.SessionModel;
import io.switchio.spi.Event;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The call-control half of a session's commands (switchio-reference §3, defects fixed):
 * variables, answer, park, hangup and routing, plus the helpers every command uses. Each command
 * checks its arguments, sends one ESL command on the session's {@link CommandChannel} and maps
 * the reply; a few then wait for the event that proves their effect. Media commands are added by
 * {@link KernelSession}.
 *
 * <p>Threading: any thread may call commands; called from a coroutine of this session, a command
 * gives up the session's turn while it waits (see {@link SessionModel}).
 */
abstract class SessionCommands extends SessionModel {

    private final CommandChannel channel;

    SessionCommands(HostScope scope, String uuid, String appId, Event first, CommandChannel channel) {
        super(scope, uuid, appId, first);
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /** An api command about this leg, sent where the leg is reached (its own socket when handed over). */
    final String api(String command) {
        String uuid = uuid();
        return blocking(() -> channel.apiFor(uuid, command));
    }

    final void exec(String app, String arg, int loops) {
        String uuid = uuid();
        blocking(() -> {
            channel.execute(uuid, app, arg, loops);
            return null;
        });
    }

    /** Sends an api command, then waits for an event of this session that arrives after it. */
    final Event apiThenWait(String command, String eventName) {
        long from = waitCursor();
        api(command);
        return awaitFrom(from, Set.of(eventName), scope().commandTimeout());
    }

    // ---------------------------------------------------------------- variables

    @Override
    public String getvar(String name) {
        String v = api("uuid_getvar " + uuid() + " " + token("variable name", name)).strip();
        return "_undef_".equals(v) ? null : v;
    }

    @Override
    public void setvar(String name, String value) {
        api("uuid_setvar " + uuid() + " " + token("variable name", name) + " " + text("value of " + name, value));
    }

    @Override
    public void setvars(Map<String, String> vars) {
        if (vars.isEmpty()) {
            return;
        }
        StringJoiner j = new StringJoiner(";");
        vars.forEach((k, v) -> {
            token("variable name", k);
            text("value of " + k, v);
            if (v.indexOf(';') >= 0 || k.indexOf(';') >= 0 || k.indexOf('=') >= 0) {
                throw new IllegalArgumentException("setvars: '" + k + "=" + v + "' must not contain ';' (nor '=' in the name)");
            }
            j.add(k + "=" + v);
        });
        api("uuid_setvar_multi " + uuid() + " " + j);
    }

    @Override
    public void unsetvar(String name) {
        api("uuid_setvar " + uuid() + " " + token("variable name", name));
    }

    // ---------------------------------------------------------------- answer, park, hangup

    @Override
    public Event answer() {
        if (isAnswered()) {
            Event done = log().newest("CHANNEL_ANSWER");
            if (done != null) {
                return done;
            }
        }
        return apiThenWait("uuid_answer " + uuid(), "CHANNEL_ANSWER");
    }

    @Override
    public Event park() {
        return apiThenWait("uuid_park " + uuid(), "CHANNEL_PARK");
    }

    @Override
    public Event hangup() {
        return hangup("NORMAL_CLEARING");
    }

    @Override
    public Event hangup(String cause) {
        token("hangup cause", cause);
        if (isHungUp()) {
            Event done = log().newest("CHANNEL_HANGUP");
            if (done != null) {
                return done;
            }
        }
        return apiThenWait("uuid_kill " + uuid() + " " + cause, "CHANNEL_HANGUP");
    }

    @Override
    public void schedHangup(Duration delay, String cause) {
        api("sched_hangup +" + seconds("delay", delay) + " " + uuid() + " " + token("hangup cause", cause));
    }

    @Override
    public void clearTasks() {
        api("sched_del " + uuid());
    }

    // ---------------------------------------------------------------- routing

    @Override
    public void bridge(String dialString, String proxy, Map<String, String> params) {
        String target = dialString == null ? ownRequestUri() : token("dial string", dialString);
        if (proxy != null) {
            target += ";fs_path=sip:" + token("proxy", proxy);
        }
        exec("bridge", WireArguments.variableBlock(params) + target, 1);
    }

    /**
     * The leg's own profile and Request-URI, read from its events as the original did, or
     * FreeSWITCH's variable expansion of the same when the events do not carry them yet.
     */
    private String ownRequestUri() {
        String profile = get("variable_sofia_profile_name");
        String uri = get("variable_sip_req_uri");
        if (isWord(profile) && isWord(uri)) {
            return "sofia/" + profile + "/" + uri;
        }
        return "sofia/${sofia_profile_name}/${sip_req_uri}";
    }

    private static boolean isWord(String s) {
        return s != null && !s.isEmpty() && s.chars().noneMatch(c -> Character.isWhitespace(c) || c == '{' || c == '}');
    }

    @Override
    public void uuidBridge(String otherUuid) {
        api("uuid_bridge " + uuid() + " " + token("other uuid", otherUuid));
    }

    @Override
    public void transfer(String destination, String dialplan, String context) {
        api("uuid_transfer " + uuid() + " " + token("destination", destination) + " " + token("dialplan", dialplan)
                + " " + token("context", context));
    }

    @Override
    public void broadcast(String pathOrApp, String leg) {
        api("uuid_broadcast " + uuid() + " " + token("path", pathOrApp) + " " + oneOf("leg", leg, "aleg", "bleg", "both"));
    }

    @Override
    public void broadcast(String pathOrApp, String leg, Duration delay) {
        api("sched_broadcast +" + seconds("delay", delay) + " " + uuid() + " " + token("path", pathOrApp) + " "
                + oneOf("leg", leg, "aleg", "bleg", "both"));
    }

    @Override
    public void respond(String response) {
        exec("respond", text("response", response), 1);
    }

    @Override
    public void deflect(String uri) {
        exec("deflect", token("uri", uri), 1);
    }

    @Override
    public void execute(String app, String arg, int loops) {
        if (loops == 0 || loops < -1) {
            throw new IllegalArgumentException("loops must be -1 (forever) or at least 1: " + loops);
        }
        exec(token("application", app), text("argument", arg), loops);
    }
}
