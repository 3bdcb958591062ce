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
import java.util.Set;

/**
 * A session with its commands (switchio-reference §3, defects fixed): the call-control ones of
 * {@link SessionCommands} plus media (playback, recording, DTMF, speech, digit collection). Each
 * command checks its arguments, sends one ESL command on the session's {@link CommandChannel}
 * (a host's connection, or for an outbound channel its own socket) and maps the reply.
 *
 * <p>Threading: any thread may call commands; called from a coroutine of this session, a command
 * gives up the session's turn while it waits (see {@link SessionModel}).
 */
public final class KernelSession extends SessionCommands {

    /** Creates a session bound to a channel of commands (called by the model registry's factory). */
    public KernelSession(HostScope scope, String uuid, String appId, Event first, CommandChannel channel) {
        super(scope, uuid, appId, first, channel);
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

}
