package io.switchio.launcher.conf;

import io.switchio.launcher.plugin.AppSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@code serve} or {@code run} needs, resolved from the conf file, the command line
 * and the environment (in that order of increasing priority, except the password: command line,
 * then conf file, then {@code SWITCHIO_PASSWORD}).
 *
 * @param mode serve or dial
 * @param hosts the FreeSWITCH hosts, possibly {@code sim}
 * @param password the ESL password, or {@code null} when none was given (never printed)
 * @param pluginDirs the plugin folders
 * @param apps the apps to load, in order
 * @param group the app group they are loaded under
 * @param activationHeaders headers naming a session's app group
 * @param trackingHeader header grouping legs into calls
 * @param connectTimeout connect and auth timeout
 * @param commandTimeout command reply timeout
 * @param reconnectMin first reconnect backoff
 * @param reconnectMax longest reconnect backoff
 * @param reconnectAttempts attempts per outage, 0 for unbounded
 * @param logLevel the log level
 * @param runFor how long to run, or {@code null} until stopped
 * @param progressInterval progress line period, zero for none
 * @param hangupOnStop hang up our calls when stopping
 * @param sim the embedded simulator's settings
 * @param dial the dial mode's settings (validated; used by a later release)
 *
 * <p>Threading: immutable; any thread.
 */
public record LaunchSettings(Mode mode, List<HostAddress> hosts, String password, List<Path> pluginDirs,
        List<AppSpec> apps, String group, List<String> activationHeaders, String trackingHeader,
        Duration connectTimeout, Duration commandTimeout, Duration reconnectMin, Duration reconnectMax,
        int reconnectAttempts, String logLevel, Duration runFor, Duration progressInterval, boolean hangupOnStop,
        SimSettings sim, DialSettings dial) {

    /** What a conf file asks for. */
    public enum Mode {
        /** Serve apps on the hosts. */
        SERVE,
        /** Generate load (a later release). */
        DIAL
    }

    /**
     * The embedded simulator.
     *
     * @param arrivals calls per second it injects
     * @param hold how long its callers stay on the line, zero for until stop
     * @param destination their destination number
     * @param port its ESL port, 0 for any free one
     * @param speed its time factor
     */
    public record SimSettings(double arrivals, Duration hold, String destination, int port, double speed) {
    }

    /**
     * The load generator's settings (switchio-reference section 7, {@code dial}).
     *
     * @param rate calls per second
     * @param limit most calls up at once
     * @param maxOffered stop after this many calls, 0 for unbounded
     * @param duration call duration, or {@code null} for automatic
     * @param proxy first hop, or {@code null}
     * @param destUrl Request-URI, or {@code null}
     * @param profile Sofia profile
     * @param gateway gateway, or {@code null}
     * @param metricsDir measurement folder, or {@code null}
     */
    public record DialSettings(double rate, int limit, long maxOffered, Duration duration, String proxy,
            String destUrl, String profile, String gateway, Path metricsDir) {
    }

    /** Copies the lists and checks required parts. */
    public LaunchSettings {
        Objects.requireNonNull(mode, "mode");
        hosts = List.copyOf(hosts);
        pluginDirs = List.copyOf(pluginDirs);
        apps = List.copyOf(apps);
        activationHeaders = List.copyOf(activationHeaders);
    }

    /** True when some host is the embedded simulator. */
    public boolean usesSimulator() {
        return hosts.stream().anyMatch(HostAddress::simulator);
    }

    /** A copy with another password. */
    public LaunchSettings withPassword(String newPassword) {
        return new LaunchSettings(mode, hosts, newPassword, pluginDirs, apps, group, activationHeaders, trackingHeader,
                connectTimeout, commandTimeout, reconnectMin, reconnectMax, reconnectAttempts, logLevel, runFor,
                progressInterval, hangupOnStop, sim, dial);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "LaunchSettings[mode=" + mode + ", hosts=" + hosts + ", password=" + (password == null ? "(none)" : "(set)")
                + ", pluginDirs=" + pluginDirs + ", apps=" + apps + ", group=" + group + ", runFor=" + runFor + "]";
    }
}
