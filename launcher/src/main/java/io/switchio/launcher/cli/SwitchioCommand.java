package io.switchio.launcher.cli;

import io.switchio.launcher.ExitCode;
import io.switchio.launcher.LauncherEnvironment;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code switchio} command; its sub-commands do the work. The load generator's commands
 * ({@code dial}, {@code demo}, {@code report}) arrive as further sub-commands in a later release.
 *
 * <p>Threading: runs on the main thread.
 */
@Command(name = "switchio", mixinStandardHelpOptions = true, versionProvider = SwitchioCommand.Version.class,
        description = "Control FreeSWITCH over the Event Socket: serve call-control apps from plugin jars.",
        subcommands = {ServeCommand.class, RunCommand.class, ListAppsCommand.class, SimulateCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:unexpected internal error (see the log)",
                "2:bad command line or app spec",
                "3:bad conf file or incomplete settings (e.g. no password)",
                "4:app unknown, plugin failed or app load failed",
                "5:FreeSWITCH refused the ESL password (unreachable hosts are retried, not fatal)",
                "6:feature not in this release yet (dial mode)",
                "130/143:stopped by Ctrl-C / SIGTERM (after a clean stop)"},
        footer = {"%nPassword: --password, the conf file's 'password', or the SWITCHIO_PASSWORD environment variable."})
public final class SwitchioCommand implements Callable<Integer> {

    private final LauncherEnvironment environment;

    @Spec
    private CommandSpec spec;

    /** The command over a process environment. */
    public SwitchioCommand(LauncherEnvironment environment) {
        this.environment = environment;
    }

    /** The process environment. */
    LauncherEnvironment environment() {
        return environment;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }

    /** The version line of {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SwitchioCommand.class.getPackage().getImplementationVersion();
            return new String[] {"switchio " + (v == null ? "(development build)" : v) + ", SPI "
                    + io.switchio.spi.SpiVersion.CURRENT + ", Java " + Runtime.version()};
        }
    }
}
