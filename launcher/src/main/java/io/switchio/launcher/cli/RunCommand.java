package io.switchio.launcher.cli;

import io.switchio.launcher.ExitCode;
import io.switchio.launcher.LauncherException;
import io.switchio.launcher.conf.ConfException;
import io.switchio.launcher.conf.ConfFile;
import io.switchio.launcher.conf.ConfKey;
import io.switchio.launcher.conf.LaunchSettings;
import io.switchio.launcher.conf.SettingsBuilder;
import io.switchio.launcher.plugin.AppSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code switchio run CONF}: does what a conf file says (serve apps on hosts; the dial mode comes
 * in a later release and exits {@link ExitCode#NOT_YET_AVAILABLE}).
 *
 * <p>Threading: runs on the main thread.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run what a conf file says: serve apps on hosts (mode = serve), or dial (mode = dial, a later release).",
                "conf/README.md documents every key."})
public final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private SwitchioCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONF", description = "The conf file (Java properties).")
    private Path confFile;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "ESL password, overriding the file's (never printed).")
    private String password;

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Run this long, then stop cleanly (overrides run.for).")
    private Duration runFor;

    @Mixin
    private PluginOptions plugins;

    @Mixin
    private LoggingOptions logging;

    @Override
    public Integer call() {
        ConfFile conf = ConfFile.parse(confFile);
        SettingsBuilder b = new SettingsBuilder(parent.environment().home()).applyConf(conf).password(password);
        if (!plugins.dirs().isEmpty()) {
            b.pluginDirs(plugins.dirs());
        }
        if (runFor != null) {
            b.set(ConfKey.RUN_FOR, runFor.toMillis() + "ms");
        }
        if (logging.level() != null) {
            b.set(ConfKey.LOG_LEVEL, logging.level());
        }
        if (b.mode() == LaunchSettings.Mode.DIAL) {
            String where = b.fileEntry(ConfKey.MODE).map(e -> conf.path() + ":" + e.line() + ": key 'mode'").orElse(conf.path().toString());
            throw new LauncherException(ExitCode.NOT_YET_AVAILABLE, where + ": mode = dial needs the load generator, which "
                    + "arrives in a later release of switchio; this release serves apps only (mode = serve)");
        }
        LaunchSettings settings = b.build(parent.environment().env());
        return ServeStarter.serve(settings, parent.environment(), spec.commandLine().getOut(), (app, e) -> badParameter(conf, app, e));
    }

    /**
     * Places a bad app of the conf file: a bad parameter at its {@code app.<id>.<name>} line (else
     * the {@code apps} line), an unknown or failed app at the {@code apps} line, keeping its status.
     */
    private static LauncherException badParameter(ConfFile conf, AppSpec app, RuntimeException e) {
        if (e instanceof LauncherException known) {
            ConfFile.Entry apps = conf.entry(ConfKey.APPS.key()).orElse(null);
            String where = apps == null ? conf.path() + ": " : conf.path() + ":" + apps.line() + ": key '" + apps.key() + "': ";
            return new LauncherException(known.exitCode(), where + known.getMessage(), known);
        }
        ConfFile.Entry where = conf.entries().stream()
                .filter(x -> x.key().startsWith(ConfKey.APP_PARAMETER_PREFIX + app.appId() + ".")
                        && e.getMessage().contains("'" + x.key().substring(ConfKey.APP_PARAMETER_PREFIX.length() + app.appId().length() + 1) + "'"))
                .findFirst()
                .or(() -> conf.entry(ConfKey.APPS.key()))
                .orElse(null);
        return where == null ? new ConfException(conf.path() + ": " + e.getMessage()) : conf.error(where, e.getMessage());
    }
}
