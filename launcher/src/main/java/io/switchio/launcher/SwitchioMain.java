package io.switchio.launcher;

import io.switchio.launcher.cli.SwitchioCommand;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The {@code switchio} command's entry point: parses the command line with picocli, runs the
 * sub-command, and turns failures into one line on stderr and an {@link ExitCode}.
 *
 * <p>The CLI's own output (list-apps, progress lines) goes to stdout; logs and errors go to
 * stderr.
 *
 * <p>Threading: runs on the main thread; a serve also registers a shutdown hook (see
 * {@code io.switchio.launcher.serve}).
 */
public final class SwitchioMain {

    private final LauncherEnvironment environment;
    private final PrintWriter out;
    private final PrintWriter err;

    /** A launcher writing to the given streams. */
    public SwitchioMain(LauncherEnvironment environment, PrintWriter out, PrintWriter err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Runs the command line and exits the JVM with its status. */
    public static void main(String[] args) {
        Charset cs = Charset.defaultCharset();
        int code = new SwitchioMain(LauncherEnvironment.fromSystem(),
                new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true)).run(args);
        System.exit(code);
    }

    /**
     * Runs one command line.
     *
     * @return the exit status
     */
    public int run(String... args) {
        CommandLine cmd = new CommandLine(new SwitchioCommand(environment));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(this::onBadCommandLine);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> onFailure(e));
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private int onBadCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        err.println("switchio: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
        }
        err.flush();
        return ExitCode.USAGE.code();
    }

    private int onFailure(Exception e) {
        if (e instanceof LauncherException known) {
            err.println("switchio: " + known.getMessage());
            err.flush();
            return known.exitCode().code();
        }
        if (e instanceof CommandLine.ParameterException pe) {
            return onBadCommandLine(pe, new String[0]);
        }
        LoggerFactory.getLogger(SwitchioMain.class).error("unexpected failure", e);
        err.println("switchio: unexpected internal error: " + e);
        err.flush();
        return ExitCode.INTERNAL.code();
    }
}
