package io.switchio.kernel.client;

import static io.switchio.kernel.client.WireArguments.millis;
import static io.switchio.kernel.client.WireArguments.oneOf;
import static io.switchio.kernel.client.WireArguments.seconds;
import static io.switchio.kernel.client.WireArguments.text;
import static io.switchio.kernel.client.WireArguments.token;

import io.switchio.kernel.model.EventLog;
import io.switchio.kernel.model.HostScope;
import io.switchio.kernel.model.SessionModel;
import io.switchio.spi.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A session with its commands (switchio-reference §3, defects fixed): each command checks its
 * arguments, sends one ESL command on the host's {@link CommandChannel} and maps the reply; a few
 * then wait for the event that proves their effect.
 *
 * <p>Threading: any thread may call commands; called from a coroutine of this session, a command
 * gives up the session's turn while it waits (see {@link SessionModel}).
 */
public final class KernelSession extends SessionModel {

    private final CommandChannel channel;

    /** Creates a session bound to a host's channel (called by the model registry's factory). */
    public KernelSession(HostScope scope, String uuid, String appId, Event first, CommandChannel channel) {
        super(scope, uuid, appId, first);
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    private String api(String command) {
        return blocking(() -> channel.api(command));
    }

    private void exec(String app, String arg, int loops) {
        String uuid = uuid();
        blocking(() -> {
            channel.execute(uuid, app, arg, loops);
            return null;
        });
    }

    /** Sends an api command, then waits for an event of this session that arrives after it. */
    private Event apiThenWait(String command, String eventName) {
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

    // ---------------------------------------------------------------- media

    @Override
    public void playback(String path) {
        exec("playback", text("path", path), 1);
    }

    @Override
    public void playback(List<String> paths, Map<String, String> params, long startSample, int loops, boolean endless) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("playback needs at least one path");
        }
        paths.forEach(p -> text("path", p));
        String joined;
        if (paths.size() > 1) {
            if (paths.stream().anyMatch(p -> p.indexOf('!') >= 0)) {
                throw new IllegalArgumentException("playback paths must not contain '!' (the delimiter): " + paths);
            }
            setvar("playback_delimiter", "!");
            joined = String.join("!", paths);
        } else {
            joined = paths.get(0);
        }
        String arg = WireArguments.variableBlock(params) + joined + (startSample > 0 ? "@@" + startSample : "");
        exec(endless ? "endless_playback" : "playback", arg, loops);
    }

    @Override
    public void startRecord(String path, boolean rxOnly, boolean stereo, int sampleRate) {
        text("path", path);
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (rxOnly) {
            setvar("RECORD_READ_ONLY", "true");
        }
        if (stereo) {
            setvar("RECORD_STEREO", "true");
        }
        setvar("record_sample_rate", Integer.toString(sampleRate));
        exec("record_session", path, 1);
    }

    @Override
    public void stopRecord(String path) {
        exec("stop_record_session", text("path", path), 1);
    }

    @Override
    public void stopRecord(String path, Duration delay) {
        api("sched_api +" + seconds("delay", delay) + " none uuid_record " + uuid() + " stop " + token("path", path));
    }

    @Override
    public void record(String action, String path) {
        api("uuid_record " + uuid() + " " + oneOf("record action", action, "start", "stop", "mask", "unmask")
                + " " + token("path", path));
    }

    @Override
    public void echo() {
        exec("echo", "", 1);
    }

    @Override
    public void breakMedia() {
        api("uuid_break " + uuid());
    }

    @Override
    public void mute(String direction, boolean muted) {
        api("uuid_audio " + uuid() + " start " + oneOf("direction", direction, "read", "write") + " mute " + (muted ? 1 : 0));
    }

    @Override
    public void bypassMedia(boolean bypass) {
        api(bypass ? "uuid_media off " + uuid() : "uuid_media " + uuid());
    }

    @Override
    public void startAmd() {
        api("avmd " + uuid() + " start");
    }

    @Override
    public void stopAmd() {
        api("avmd " + uuid() + " stop");
    }

    @Override
    public void sendDtmf(String digits, Duration toneDuration) {
        api("uuid_send_dtmf " + uuid() + " " + dtmf(digits) + " @" + millis("tone duration", toneDuration));
    }

    @Override
    public void schedDtmf(Duration delay, String digits, Duration toneDuration) {
        api("sched_api +" + seconds("delay", delay) + " none uuid_send_dtmf " + uuid() + " " + dtmf(digits)
                + " @" + millis("tone duration", toneDuration));
    }

    private static String dtmf(String digits) {
        token("digits", digits);
        if (!digits.matches("[0-9A-Da-dwW*#]+")) {
            throw new IllegalArgumentException("digits must be 0-9, A-D, *, #, w or W: '" + digits + "'");
        }
        return digits;
    }

    @Override
    public void speak(String text, String engine, String voice) {
        text("text", text);
        if (text.indexOf('|') >= 0) {
            throw new IllegalArgumentException("speak text must not contain '|' (the argument separator): '" + text + "'");
        }
        exec("speak", token("engine", engine) + "|" + token("voice", voice) + "|" + text, 1);
    }

    @Override
    public String playAndGetDigits(int minDigits, int maxDigits, int tries, Duration timeout, String terminators,
            String prompt, String invalidPrompt, String regex, Duration digitTimeout) {
        if (minDigits < 0 || maxDigits < Math.max(1, minDigits) || tries < 1) {
            throw new IllegalArgumentException("play_and_get_digits needs 0 <= min <= max, max >= 1, tries >= 1: "
                    + minDigits + "/" + maxDigits + "/" + tries);
        }
        String var = "switchio_digits";
        String arg = minDigits + " " + maxDigits + " " + tries + " " + millis("timeout", timeout) + " "
                + token("terminators", terminators) + " " + token("prompt", prompt) + " "
                + token("invalid prompt", invalidPrompt) + " " + var + " " + token("regex", regex) + " "
                + millis("digit timeout", digitTimeout);
        long from = waitCursor();
        exec("play_and_get_digits", arg, 1);
        Duration wait = scope().commandTimeout().plus(timeout.plus(digitTimeout).multipliedBy(tries));
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = Math.max(1, deadline - System.nanoTime());
            EventLog.Match m = awaitMatch(from, Set.of("CHANNEL_EXECUTE_COMPLETE"), Duration.ofNanos(left));
            if ("play_and_get_digits".equals(m.event().header("Application"))) {
                String digits = m.event().header("variable_" + var);
                return digits == null ? "" : digits;
            }
            from = m.index() + 1;
        }
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
