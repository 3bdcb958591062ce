package io.switchio.launcher.conf;

import io.switchio.launcher.ExitCode;
import io.switchio.launcher.LauncherException;
import java.nio.file.Path;

/**
 * A conf file is wrong: the message names the file, the line and the key, and says what was
 * expected, e.g. {@code switchio.conf:7: key 'reconnect.max': '3x' is not a duration (...)}.
 *
 * <p>Threading: immutable once thrown; any thread.
 */
public class ConfException extends LauncherException {

    private static final long serialVersionUID = 1L;

    /** A problem without a precise place (e.g. settings that are missing altogether). */
    public ConfException(String message) {
        super(ExitCode.CONF, message);
    }

    /** A problem at a line of a file. */
    public ConfException(Path file, int line, String key, String message) {
        super(ExitCode.CONF, file + ":" + line + (key == null ? "" : ": key '" + key + "'") + ": " + message);
    }

    /** A problem at a line of a file, with its cause. */
    public ConfException(Path file, int line, String key, String message, Throwable cause) {
        super(ExitCode.CONF, file + ":" + line + (key == null ? "" : ": key '" + key + "'") + ": " + message, cause);
    }
}
