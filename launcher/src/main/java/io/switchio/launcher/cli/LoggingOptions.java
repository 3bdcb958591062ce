package io.switchio.launcher.cli;

import io.switchio.launcher.conf.SettingsBuilder;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --log-level} option every command takes.
 *
 * <p>Threading: filled by picocli on the main thread, read by the command on the same thread.
 */
public final class LoggingOptions {

    @Option(names = {"-l", "--log-level"}, paramLabel = "LEVEL",
            description = "Log level: off, error, warn, info, debug or trace (default: the conf file's log.level, else warn; simulate: info). Logs go to stderr, the progress lines to stdout.")
    private String level;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec mixee;

    /** The level given, or {@code null}; checked. */
    public String level() {
        if (level == null) {
            return null;
        }
        String l = level.toLowerCase(Locale.ROOT);
        if (!SettingsBuilder.LOG_LEVELS.contains(l)) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "--log-level '" + level + "' is not one of "
                    + SettingsBuilder.LOG_LEVELS.stream().sorted().toList());
        }
        return l;
    }
}
