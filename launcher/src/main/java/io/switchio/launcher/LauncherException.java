package io.switchio.launcher;

import java.util.Objects;

/**
 * A failure the user can fix, with the exit status it leads to. The launcher prints its message
 * as one line on stderr (no stack trace) and exits with {@link #exitCode()}.
 *
 * <p>Threading: immutable once thrown; any thread.
 */
public class LauncherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    /** With the exit status and a sentence saying what is wrong and what was expected. */
    public LauncherException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    /** With the underlying cause. */
    public LauncherException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    /** The exit status this failure leads to. */
    public ExitCode exitCode() {
        return exitCode;
    }
}
