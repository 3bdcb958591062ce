package io.switchio.launcher.conf;

import io.switchio.launcher.conf.LaunchSettings.DialSettings;
import io.switchio.launcher.conf.LaunchSettings.Mode;
import io.switchio.launcher.conf.LaunchSettings.SimSettings;
import io.switchio.launcher.plugin.AppSpec;
import io.switchio.launcher.plugin.PluginLoader;
import io.switchio.spi.ParameterType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects settings from the defaults, a conf file ({@link #applyConf}) and the command line (the
 * setters), then checks them as a whole ({@link #build}).
 *
 * <p>Threading: confined to the command's thread.
 */
public final class SettingsBuilder {

    /** The environment variable that may hold the ESL password. */
    public static final String PASSWORD_ENV = "SWITCHIO_PASSWORD";
    /** The accepted log levels. */
    public static final Set<String> LOG_LEVELS = ConfValueChecks.LOG_LEVELS;

    private final Map<ConfKey, String> values = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> appParameters = new LinkedHashMap<>();
    /** Where each simple key's current value came from, while that is a conf file's line. */
    private final Map<ConfKey, ConfFile.Entry> fileEntries = new LinkedHashMap<>();
    private ConfFile conf;
    private List<HostAddress> hosts = List.of();
    private List<Path> pluginDirs;
    private List<AppSpec> apps = List.of();
    private String password;

    /** Defaults everywhere; plugins come from {@code <home>/plugins}. */
    public SettingsBuilder(Path switchioHome) {
        for (ConfKey k : ConfKey.values()) {
            if (k.defaultValue() != null && k != ConfKey.PLUGINS_DIRS) {
                values.put(k, k.defaultValue());
            }
        }
        pluginDirs = List.of(switchioHome.resolve("plugins"));
    }

    /**
     * Takes every key of a conf file, checking each value.
     *
     * @throws ConfException naming the file, line and key of the first bad entry
     */
    public SettingsBuilder applyConf(ConfFile conf) {
        this.conf = conf;
        Path base = conf.path().toAbsolutePath().getParent();
        Map<String, Integer> appParamLines = new LinkedHashMap<>();
        for (ConfFile.Entry e : conf.entries()) {
            ConfKey key = ConfKey.of(e.key()).orElse(null);
            if (key == null) {
                bindAppParameter(conf, e);
                appParamLines.putIfAbsent(e.key().split("\\.", 3)[1], e.line());
                continue;
            }
            String problem = ConfValueChecks.problem(key, e.value());
            if (problem != null) {
                throw conf.error(e, problem);
            }
            switch (key) {
                case HOSTS -> hosts = list(conf, e, HostAddress::parse);
                case PASSWORD -> password = e.value();
                case PLUGINS_DIRS -> pluginDirs = list(conf, e, s -> base.resolve(s).normalize());
                case APPS -> apps = list(conf, e, AppSpec::parse);
                default -> {
                    values.put(key, e.value());
                    fileEntries.put(key, e);
                }
            }
        }
        for (Map.Entry<String, Integer> a : appParamLines.entrySet()) {
            if (apps.stream().noneMatch(s -> s.appId().equals(a.getKey()))) {
                throw new ConfException(conf.path(), a.getValue(), "app." + a.getKey(), "gives parameters to app '" + a.getKey()
                        + "', which is not in 'apps' (" + apps.stream().map(AppSpec::appId).toList() + ")");
            }
        }
        apps = apps.stream().map(s -> withConfParameters(conf, s)).toList();
        return this;
    }

    private void bindAppParameter(ConfFile conf, ConfFile.Entry e) {
        String[] parts = e.key().split("\\.", 3);
        if (!e.key().startsWith(ConfKey.APP_PARAMETER_PREFIX) || parts.length != 3 || parts[2].isEmpty()
                || !PluginLoader.isValidAppId(parts[1])) {
            throw conf.error(e, "unknown key; expected one of " + Arrays.stream(ConfKey.values()).map(ConfKey::key).toList()
                    + " or app.<app-id>.<parameter> (see conf/README.md)");
        }
        appParameters.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], e.value());
    }

    private AppSpec withConfParameters(ConfFile conf, AppSpec spec) {
        Map<String, String> fromFile = appParameters.getOrDefault(spec.appId(), Map.of());
        if (fromFile.isEmpty()) {
            return spec;
        }
        Map<String, String> merged = new LinkedHashMap<>(fromFile);
        merged.putAll(spec.parameters());
        return new AppSpec(spec.appId(), merged);
    }

    private static <T> List<T> list(ConfFile conf, ConfFile.Entry e, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String part : e.value().split(",")) {
            if (part.isBlank()) {
                throw conf.error(e, "has an empty item in '" + e.value() + "'; expected a comma-separated list");
            }
            try {
                out.add(parse.apply(part.strip()));
            } catch (IllegalArgumentException ex) {
                throw conf.error(e, ex.getMessage());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ command-line overrides

    /** Replaces the hosts. */
    public SettingsBuilder hosts(List<HostAddress> newHosts) {
        hosts = List.copyOf(newHosts);
        return this;
    }

    /** Sets the password (null keeps the current one). */
    public SettingsBuilder password(String newPassword) {
        if (newPassword != null) {
            password = newPassword;
        }
        return this;
    }

    /** Replaces the plugin folders. */
    public SettingsBuilder pluginDirs(List<Path> dirs) {
        pluginDirs = List.copyOf(dirs);
        return this;
    }

    /** Replaces the apps. */
    public SettingsBuilder apps(List<AppSpec> newApps) {
        apps = List.copyOf(newApps);
        return this;
    }

    /**
     * Sets a simple key from the command line, checked like a conf value.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public SettingsBuilder set(ConfKey key, String value) {
        String problem = ConfValueChecks.problem(key, value);
        if (problem != null) {
            throw new IllegalArgumentException(key.key() + ": " + problem);
        }
        values.put(key, value);
        fileEntries.remove(key);
        return this;
    }

    /**
     * Sets a simple key from a command-line option, checked like a conf value.
     *
     * @param option the option as the user wrote it (e.g. {@code --group}), named in the error
     * @throws IllegalArgumentException naming the option and saying what was expected
     */
    public SettingsBuilder set(ConfKey key, String value, String option) {
        String problem = ConfValueChecks.problem(key, value);
        if (problem != null) {
            throw new IllegalArgumentException(option + " " + problem);
        }
        values.put(key, value);
        fileEntries.remove(key);
        return this;
    }

    /** The conf file line that set a key, when its current value came from a conf file. */
    public java.util.Optional<ConfFile.Entry> fileEntry(ConfKey key) {
        return java.util.Optional.ofNullable(fileEntries.get(key));
    }

    /** The mode asked for so far (the conf file's {@code mode}, else serve). */
    public Mode mode() {
        return Mode.valueOf(values.get(ConfKey.MODE).toUpperCase(Locale.ROOT));
    }

    /**
     * Checks the settings as a whole and fills the password from the environment when needed.
     *
     * @param env the process environment
     * @throws ConfException saying what is missing or inconsistent
     */
    public LaunchSettings build(Map<String, String> env) {
        Mode mode = mode();
        if (hosts.isEmpty()) {
            throw new ConfException("no FreeSWITCH host given: name HOST[:PORT] (or 'sim' for the embedded simulator) "
                    + "on the command line or in the conf file's 'hosts'");
        }
        if (mode == Mode.SERVE && apps.isEmpty()) {
            throw new ConfException("no app to serve: give --app ID (or 'apps' in the conf file); switchio list-apps shows them");
        }
        String pw = password != null ? password : env.get(PASSWORD_ENV);
        if (pw != null && pw.isBlank()) {
            pw = null;
        }
        if (pw == null && hosts.stream().anyMatch(h -> !h.simulator())) {
            throw new ConfException("no ESL password for " + hosts.stream().filter(h -> !h.simulator()).toList()
                    + ": give --password, 'password' in the conf file, or the " + PASSWORD_ENV + " environment variable");
        }
        if (pw != null && (pw.indexOf('\n') >= 0 || pw.indexOf('\r') >= 0)) {
            throw new ConfException("the ESL password contains a line break, which ESL cannot carry");
        }
        Duration min = duration(ConfKey.RECONNECT_MIN);
        Duration max = duration(ConfKey.RECONNECT_MAX);
        if (min.compareTo(max) > 0) {
            String problem = "reconnect.min (" + values.get(ConfKey.RECONNECT_MIN) + ") is longer than reconnect.max ("
                    + values.get(ConfKey.RECONNECT_MAX) + ")";
            ConfFile.Entry where = fileEntries.getOrDefault(ConfKey.RECONNECT_MAX, fileEntries.get(ConfKey.RECONNECT_MIN));
            throw where == null ? new ConfException(problem) : conf.error(where, problem);
        }
        String runFor = values.get(ConfKey.RUN_FOR);
        return new LaunchSettings(mode, hosts, pw, pluginDirs, apps, values.get(ConfKey.GROUP),
                Arrays.stream(values.get(ConfKey.ACTIVATION_HEADERS).split(",")).map(String::strip).toList(),
                values.get(ConfKey.TRACKING_HEADER), duration(ConfKey.CONNECT_TIMEOUT), duration(ConfKey.COMMAND_TIMEOUT),
                min, max, Integer.parseInt(values.get(ConfKey.RECONNECT_ATTEMPTS).strip()),
                values.get(ConfKey.LOG_LEVEL).toLowerCase(Locale.ROOT),
                runFor == null || runFor.isEmpty() ? null : duration(ConfKey.RUN_FOR), duration(ConfKey.PROGRESS_INTERVAL),
                (Boolean) ParameterType.BOOLEAN.parse(values.get(ConfKey.STOP_HANGUP)),
                new SimSettings(number(ConfKey.SIM_ARRIVALS), duration(ConfKey.SIM_HOLD), values.get(ConfKey.SIM_DESTINATION),
                        Integer.parseInt(values.get(ConfKey.SIM_PORT).strip()), number(ConfKey.SIM_SPEED)),
                dial());
    }

    private DialSettings dial() {
        String duration = values.get(ConfKey.DIAL_DURATION);
        String metrics = values.get(ConfKey.DIAL_METRICS_DIR);
        return new DialSettings(number(ConfKey.DIAL_RATE), Integer.parseInt(values.get(ConfKey.DIAL_LIMIT).strip()),
                Long.parseLong(values.get(ConfKey.DIAL_MAX_OFFERED).strip()),
                duration == null || duration.isEmpty() ? null : duration(ConfKey.DIAL_DURATION),
                values.get(ConfKey.DIAL_PROXY), values.get(ConfKey.DIAL_DEST_URL), values.get(ConfKey.DIAL_PROFILE),
                values.get(ConfKey.DIAL_GATEWAY), metrics == null ? null : Path.of(metrics));
    }

    private Duration duration(ConfKey key) {
        return (Duration) ParameterType.DURATION.parse(values.get(key));
    }

    private double number(ConfKey key) {
        return (Double) ParameterType.DOUBLE.parse(values.get(key));
    }
}
