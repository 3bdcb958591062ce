package io.switchio.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One call leg (a FreeSWITCH channel) and every command an app can give it.
 *
 * <p>A session exists from {@code CHANNEL_CREATE} (or {@code CHANNEL_ORIGINATE}, whichever comes
 * first) to {@code CHANNEL_DESTROY}. Its state is the history of its events: {@link #get} reads the
 * newest value of a header.
 *
 * <p>Commands are sent on the host's single ESL connection; every argument is checked first and a
 * CR or LF in any of them is refused with {@link IllegalArgumentException} before anything is
 * written. A command returns once FreeSWITCH replied; {@code -ERR} replies throw
 * {@link ApiException} with FreeSWITCH's text; no reply within the command timeout throws
 * {@link SwitchioTimeoutException}. A few commands also wait for the event that proves their effect
 * ({@link #answer()}, {@link #hangup()}, {@link #park()}), as the Python original's awaitables did.
 *
 * <p>Threading: commands and reads may be called from any thread. {@link #recv} and
 * {@link #poll} block the calling thread; called from the session's own app code (a
 * {@link Coroutine}) they let the session's other app code run meanwhile. Model state is updated
 * by the host's dispatcher in event order.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Session {

    // ---------------------------------------------------------------- identity and state

    /** The channel uuid ({@code Unique-ID}). */
    String uuid();

    /** The host (FreeSWITCH) this leg lives on, as configured. */
    String host();

    /** Inbound or outbound, from {@code Call-Direction}. */
    Direction direction();

    /** Same as {@code direction() == Direction.INBOUND}. */
    default boolean isInbound() {
        return direction() == Direction.INBOUND;
    }

    /** Same as {@code direction() == Direction.OUTBOUND}. */
    default boolean isOutbound() {
        return direction() == Direction.OUTBOUND;
    }

    /** The call this leg belongs to. */
    Call call();

    /** The app group that handles this leg, chosen once at creation (see {@link Client#loadApp}). */
    String appId();

    /** True once {@code CHANNEL_ANSWER} was seen. */
    boolean isAnswered();

    /** True once {@code CHANNEL_HANGUP} (or the destroy) was seen. */
    boolean isHungUp();

    /** The background job that created this leg (an originate), when there was one. */
    Optional<Job> job();

    /**
     * The newest value of a header over this session's events. An empty value counts as a value
     * (it is not skipped in favour of an older one). When no event carries {@code name} and it
     * does not start with {@code variable_}, the channel variable header {@code variable_<name>}
     * is tried, so {@code get("sip_h_X-switchio_app")} finds {@code variable_sip_h_X-switchio_app}.
     *
     * @return the value, or {@code null}
     */
    String get(String name);

    /** Like {@link #get(String)}, as an Optional. */
    default Optional<String> find(String name) {
        return Optional.ofNullable(get(name));
    }

    /** The events seen so far, oldest first, bounded by the configured history size. */
    List<Event> events();

    /** The newest event seen. */
    Event lastEvent();

    /** Free-form per-leg state for apps; thread-safe. {@link Client#waitFor} watches it. */
    Map<String, Object> vars();

    /** FreeSWITCH's time of the first event (create or originate). */
    Instant createdAt();

    /** FreeSWITCH's time of {@code CHANNEL_ORIGINATE}, for originated legs. */
    Optional<Instant> originatedAt();

    /** FreeSWITCH's time of {@code CHANNEL_ANSWER}. */
    Optional<Instant> answeredAt();

    /** FreeSWITCH's time of {@code CHANNEL_HANGUP}. */
    Optional<Instant> hungUpAt();

    /** Time between the first and the newest event. */
    Duration uptime();

    // ---------------------------------------------------------------- waiting for events

    /**
     * Waits for the next event of the given name on this session, with the default command
     * timeout. Subscribes the event on the connection when nobody had.
     *
     * <p>Inside a coroutine, "next" means after the event that started it (or after the event the
     * previous {@code recv}/{@code poll} returned), so an event that arrived while the coroutine was
     * busy or blocked is not missed; inside a callback, after the event being handled; from any
     * other thread, the next event to arrive. The search covers the session's kept history, so an
     * event more than the configured history size behind the waiter can no longer be found.
     *
     * @throws SessionEndedException when the session is destroyed first
     * @throws SwitchioTimeoutException when the timeout passes first
     */
    Event recv(String eventName);

    /** {@link #recv(String)} with an explicit timeout. */
    Event recv(String eventName, Duration timeout);

    /**
     * Waits for the next event whose name is any of {@code eventNames}.
     *
     * @return the event that came first; its {@link Event#name()} tells which
     * @throws SessionEndedException when the session is destroyed first
     * @throws SwitchioTimeoutException when the timeout passes first
     */
    Event poll(Set<String> eventNames, Duration timeout);

    // ---------------------------------------------------------------- channel variables

    /** {@code api uuid_getvar <uuid> <name>}; returns {@code null} for {@code _undef_}. */
    String getvar(String name);

    /** {@code api uuid_setvar <uuid> <name> <value>}. */
    void setvar(String name, String value);

    /** {@code api uuid_setvar_multi <uuid> k1=v1;k2=v2} (values must not contain {@code ;}). */
    void setvars(Map<String, String> vars);

    /** {@code api uuid_setvar <uuid> <name>} (no value unsets). */
    void unsetvar(String name);

    // ---------------------------------------------------------------- answer, park, hangup

    /** {@code api uuid_answer <uuid>}, then waits for {@code CHANNEL_ANSWER}. */
    Event answer();

    /** {@code api uuid_park <uuid>}, then waits for {@code CHANNEL_PARK}. */
    Event park();

    /** Hangs up with {@code NORMAL_CLEARING}; see {@link #hangup(String)}. */
    Event hangup();

    /** {@code api uuid_kill <uuid> <cause>}, then waits for {@code CHANNEL_HANGUP}. */
    Event hangup(String cause);

    /** {@code api sched_hangup +<seconds> <uuid> <cause>}; the delay is rounded up to whole seconds. */
    void schedHangup(Duration delay, String cause);

    /** {@code api sched_del <uuid>}: cancels this leg's scheduled tasks. */
    void clearTasks();

    // ---------------------------------------------------------------- media

    /**
     * Executes the {@code playback} application ({@code sendmsg} with {@code execute-app-name:
     * playback}).
     *
     * @param path a file, {@code tone_stream://...} or {@code silence_stream://...}
     */
    void playback(String path);

    /**
     * Executes {@code playback} (or {@code endless_playback} when {@code endless}) with the full
     * set of options: several paths are joined with {@code !} after setting
     * {@code playback_delimiter=!}; {@code params} become a {@code {k=v,...}} prefix;
     * {@code startSample > 0} appends {@code @@<n>}; {@code loops} sets the sendmsg {@code loops}
     * header (the application is repeated; {@code -1} repeats until the leg ends or is broken).
     */
    void playback(List<String> paths, Map<String, String> params, long startSample, int loops, boolean endless);

    /**
     * Starts recording the leg: sets {@code RECORD_READ_ONLY=true} when {@code rxOnly},
     * {@code RECORD_STEREO=true} when {@code stereo}, {@code record_sample_rate=<rate>}, then
     * executes {@code record_session <path>}.
     */
    void startRecord(String path, boolean rxOnly, boolean stereo, int sampleRate);

    /** Executes {@code stop_record_session <path>} ({@code all} stops every recording). */
    void stopRecord(String path);

    /** {@code api sched_api +<seconds> none uuid_record <uuid> stop <path>}. */
    void stopRecord(String path, Duration delay);

    /** {@code api uuid_record <uuid> <action> <path>} with action start, stop or mask. */
    void record(String action, String path);

    /** Executes {@code echo}. */
    void echo();

    /** {@code api uuid_break <uuid>}: stops the media playing on the leg. */
    void breakMedia();

    /** {@code api uuid_audio <uuid> start <direction> mute <1|0>}; direction read or write. */
    void mute(String direction, boolean muted);

    /** {@code api uuid_media off <uuid>} when true (bypass media), {@code uuid_media <uuid>} when false. */
    void bypassMedia(boolean bypass);

    /** {@code api avmd <uuid> start} (needs mod_avmd). */
    void startAmd();

    /** {@code api avmd <uuid> stop}. */
    void stopAmd();

    /** {@code api uuid_send_dtmf <uuid> <digits> @<millis>}. */
    void sendDtmf(String digits, Duration toneDuration);

    /** {@code api sched_api +<seconds> none uuid_send_dtmf <uuid> <digits> @<millis>}. */
    void schedDtmf(Duration delay, String digits, Duration toneDuration);

    /**
     * Executes {@code speak} with argument {@code engine|voice|text}.
     *
     * @param engine a TTS module, e.g. {@code flite}
     */
    void speak(String text, String engine, String voice);

    /**
     * Executes {@code play_and_get_digits} and waits for the digits it collected (the
     * {@code CHANNEL_EXECUTE_COMPLETE} of that application carries them in {@code variable_<var>}).
     *
     * @return the digits, or the empty string when none matched in time
     */
    String playAndGetDigits(int minDigits, int maxDigits, int tries, Duration timeout, String terminators,
            String prompt, String invalidPrompt, String regex, Duration digitTimeout);

    // ---------------------------------------------------------------- routing

    /**
     * Executes {@code bridge} with a dial string {@code {params}<endpoint>[;fs_path=sip:<proxy>]}.
     *
     * @param dialString the endpoint, e.g. {@code sofia/external/1000@10.0.0.1:5060}; when
     *     {@code null}, the leg is proxied to its own Request-URI through its own profile:
     *     {@code sofia/${sofia_profile_name}/${sip_req_uri}}
     * @param proxy first hop, or {@code null}
     * @param params channel variables for the B leg; may be empty
     */
    void bridge(String dialString, String proxy, Map<String, String> params);

    /** {@code api uuid_bridge <uuid> <otherUuid>}: bridges two existing legs. */
    void uuidBridge(String otherUuid);

    /** {@code api uuid_transfer <uuid> <destination> <dialplan> <context>}. */
    void transfer(String destination, String dialplan, String context);

    /** {@code api uuid_broadcast <uuid> <app::arg or path> <leg>}; leg aleg, bleg or both. */
    void broadcast(String pathOrApp, String leg);

    /** {@code api sched_broadcast +<seconds> <uuid> <path> <leg>}. */
    void broadcast(String pathOrApp, String leg, Duration delay);

    /** Executes {@code respond <response>}, e.g. {@code 407} or {@code 180 Ringing}. */
    void respond(String response);

    /** Executes {@code deflect <uri>} (SIP REFER). */
    void deflect(String uri);

    /**
     * Executes any dialplan application on the leg ({@code sendmsg <uuid>} with
     * {@code call-command: execute}).
     *
     * @param app application name, e.g. {@code playback}
     * @param arg its argument, may be empty
     * @param loops how many times to run it ({@code 1} normally; {@code -1} forever)
     */
    void execute(String app, String arg, int loops);

    /** {@link #execute(String, String, int)} once. */
    default void execute(String app, String arg) {
        execute(app, arg, 1);
    }
}
