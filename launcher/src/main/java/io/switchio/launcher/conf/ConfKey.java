package io.switchio.launcher.conf;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every key a conf file may hold, with its default and meaning (conf/README.md documents the same
 * list). Besides these, {@code app.<app-id>.<parameter> = value} gives an app's parameters.
 *
 * <p>Threading: an enum; any thread.
 */
public enum ConfKey {
    MODE("mode", "serve", "serve (call-control service) or dial (load generator; arrives in a later release)"),
    HOSTS("hosts", null, "FreeSWITCH hosts, comma-separated HOST[:PORT] (port 8021 by default); 'sim' starts the embedded simulator"),
    PASSWORD("password", null, "ESL password; --password and the SWITCHIO_PASSWORD environment variable are the alternatives"),
    PLUGINS_DIRS("plugins.dirs", "<switchio home>/plugins", "comma-separated folders of plugin jars; relative paths are relative to the conf file"),
    APPS("apps", null, "comma-separated ids of the apps to load, in order; their parameters are app.<id>.<name> keys"),
    GROUP("group", "default", "the app group the apps are loaded under (sessions without an activation header go to 'default'); one word: no spaces or line breaks"),
    ACTIVATION_HEADERS("activation.headers", "variable_sip_h_X-switchio_app", "comma-separated event headers whose value names the app group of a session; header names have no spaces, line breaks or ':'"),
    TRACKING_HEADER("tracking.header", "variable_call_uuid", "event header whose value groups legs into calls (a header name: no spaces, line breaks or ':')"),
    CONNECT_TIMEOUT("connect.timeout", "5s", "how long to wait for a host's ESL connection and auth"),
    COMMAND_TIMEOUT("command.timeout", "10s", "how long to wait for FreeSWITCH's reply to a command"),
    RECONNECT_MIN("reconnect.min", "1s", "first wait before reconnecting to a lost host (doubles up to reconnect.max)"),
    RECONNECT_MAX("reconnect.max", "30s", "longest wait between reconnect attempts"),
    RECONNECT_ATTEMPTS("reconnect.attempts", "0", "reconnect attempts per outage; 0 retries forever"),
    LOG_LEVEL("log.level", "warn", "off, error, warn, info, debug or trace; logs go to stderr, apart from the progress lines on stdout (info adds app loads and connection events)"),
    RUN_FOR("run.for", null, "stop cleanly after this long (e.g. 30s, 10m); empty runs until Ctrl-C or SIGTERM"),
    PROGRESS_INTERVAL("progress.interval", "1s", "how often to print a progress line on stdout; 0 prints none"),
    STOP_HANGUP("stop.hangup", "true", "hang up the calls of our app groups when stopping"),
    SIM_ARRIVALS("sim.arrivals", "2", "calls per second the embedded simulator injects (host 'sim' only); 0 injects none"),
    SIM_HOLD("sim.hold", "5s", "how long the embedded simulator's callers stay on the line after answer before hanging up; 0 keeps calls up until stop"),
    SIM_DESTINATION("sim.destination", "switchio", "destination number of the calls the embedded simulator injects"),
    SIM_PORT("sim.port", "0", "ESL port of the embedded simulator; 0 picks a free one"),
    SIM_SPEED("sim.speed", "1", "time factor of the embedded simulator (2 runs its call timing twice as fast)"),
    DIAL_RATE("dial.rate", "30", "dial mode: calls per second to originate"),
    DIAL_LIMIT("dial.limit", "1", "dial mode: most calls up at once"),
    DIAL_MAX_OFFERED("dial.max-offered", "0", "dial mode: stop after this many calls; 0 is unbounded"),
    DIAL_DURATION("dial.duration", null, "dial mode: how long each call lasts; empty is limit/rate + 5s"),
    DIAL_PROXY("dial.proxy", null, "dial mode: first hop, the device under test (;fs_path=sip:<proxy>)"),
    DIAL_DEST_URL("dial.dest-url", null, "dial mode: Request-URI of the calls; empty uses each host's own profile address"),
    DIAL_PROFILE("dial.profile", "internal", "dial mode: Sofia profile to originate through"),
    DIAL_GATEWAY("dial.gateway", null, "dial mode: originate through sofia/gateway/<gateway>/..."),
    DIAL_METRICS_DIR("dial.metrics-dir", null, "dial mode: folder to write call measurements into");

    /** Prefix of the per-app parameter keys: {@code app.<app-id>.<parameter>}. */
    public static final String APP_PARAMETER_PREFIX = "app.";

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The key as written in the file. */
    public String key() {
        return key;
    }

    /** The default in text form, or {@code null} when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** One sentence for documentation. */
    public String description() {
        return description;
    }

    /** The key with this name. */
    public static Optional<ConfKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
