package io.switchio.launcher.cli;

import io.switchio.launcher.ExitCode;
import io.switchio.launcher.LauncherException;
import io.switchio.launcher.conf.ConfKey;
import io.switchio.launcher.conf.HostAddress;
import io.switchio.launcher.conf.LaunchSettings;
import io.switchio.launcher.conf.SettingsBuilder;
import io.switchio.launcher.plugin.AppSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code switchio serve HOST[:PORT]... --app SPEC...}: the call-control service.
 *
 * <p>Threading: runs on the main thread.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve call-control apps on FreeSWITCH hosts until --for passes, Ctrl-C or SIGTERM.",
                "The host 'sim' starts the embedded FreeSWITCH simulator, which injects inbound calls."})
public final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private SwitchioCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "HOST[:PORT]", description = "FreeSWITCH ESL address (port 8021 by default), or 'sim'.")
    private List<String> hosts;

    @Option(names = {"-a", "--app"}, required = true, paramLabel = "SPEC",
            description = {"App to load, as ID or ID/name=value,name2=value2 (repeat for several; switchio list-apps shows them).",
                    "A comma not followed by name= stays in the value: tone-play/tone=%%(300,0,440),loops=3; "
                            + "write \\, to keep a comma that name= follows."})
    private List<String> apps;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "ESL password (else the SWITCHIO_PASSWORD environment variable). Never printed.")
    private String password;

    @Option(names = "--app-header", paramLabel = "HEADER",
            description = "Event header whose value names a session's app group; repeat for several (default: variable_sip_h_X-switchio_app).")
    private List<String> appHeaders;

    @Option(names = "--group", paramLabel = "GROUP", description = "App group the apps are loaded under (default: default).")
    private String group;

    @Option(names = "--tracking-header", paramLabel = "HEADER", description = "Header grouping legs into calls (default: variable_call_uuid).")
    private String trackingHeader;

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Serve this long once the apps are loaded (e.g. 30s, 5m), then stop cleanly (default: until Ctrl-C or SIGTERM).")
    private Duration runFor;

    @Option(names = "--progress", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Progress line period on stdout; 0 for none (default: 1s).")
    private Duration progress;

    @Option(names = "--hangup-on-stop", negatable = true, fallbackValue = "true",
            description = "Hang up our calls when stopping (default: true; --no-hangup-on-stop leaves them up).")
    private Boolean hangupOnStop;

    @Option(names = "--sim-rate", paramLabel = "CALLS_PER_SECOND",
            description = "Calls per second the embedded simulator (host 'sim') injects (default: 2).")
    private String simRate;

    @Option(names = "--sim-hold", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the embedded simulator's callers stay on the line; 0 keeps calls up until stop (default: 5s).")
    private Duration simHold;

    @Option(names = "--sim-port", paramLabel = "PORT", description = "ESL port of the embedded simulator (default: any free one).")
    private String simPort;

    @Mixin
    private PluginOptions plugins;

    @Mixin
    private LoggingOptions logging;

    @Override
    public Integer call() {
        SettingsBuilder b = new SettingsBuilder(parent.environment().home());
        try {
            b.hosts(hosts.stream().map(HostAddress::parse).toList()).apps(apps.stream().map(AppSpec::parse).toList()).password(password);
            if (!plugins.dirs().isEmpty()) {
                b.pluginDirs(plugins.dirs());
            }
            setIfGiven(b, ConfKey.ACTIVATION_HEADERS, "--app-header", appHeaders == null ? null : String.join(",", appHeaders));
            setIfGiven(b, ConfKey.GROUP, "--group", group);
            setIfGiven(b, ConfKey.TRACKING_HEADER, "--tracking-header", trackingHeader);
            setIfGiven(b, ConfKey.RUN_FOR, "--for", runFor == null ? null : runFor.toMillis() + "ms");
            setIfGiven(b, ConfKey.PROGRESS_INTERVAL, "--progress", progress == null ? null : progress.toMillis() + "ms");
            setIfGiven(b, ConfKey.STOP_HANGUP, "--hangup-on-stop", hangupOnStop == null ? null : hangupOnStop.toString());
            setIfGiven(b, ConfKey.SIM_ARRIVALS, "--sim-rate", simRate);
            setIfGiven(b, ConfKey.SIM_PORT, "--sim-port", simPort);
            setIfGiven(b, ConfKey.SIM_HOLD, "--sim-hold", simHold == null ? null : simHold.toMillis() + "ms");
            setIfGiven(b, ConfKey.LOG_LEVEL, "--log-level", logging.level());
        } catch (IllegalArgumentException e) {
            throw new LauncherException(ExitCode.USAGE, e.getMessage(), e);
        }
        LaunchSettings settings = b.build(parent.environment().env());
        return ServeStarter.serve(settings, parent.environment(), spec.commandLine().getOut(), ServeStarter::usageError);
    }

    private static void setIfGiven(SettingsBuilder b, ConfKey key, String option, String value) {
        if (value != null) {
            b.set(key, value, option);
        }
    }
}
