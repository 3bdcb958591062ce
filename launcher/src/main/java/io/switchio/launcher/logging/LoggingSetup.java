package io.switchio.launcher.logging;

import java.util.Locale;
import java.util.logging.Level;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Configures the one logging backend the launcher ships (slf4j-simple, to stderr) and routes
 * {@code java.util.logging} (hence {@code System.Logger}) into SLF4J.
 *
 * <p>slf4j-simple reads its configuration when the first logger is created, so {@link #install}
 * must run before anything logs: commands call it first, once they know the level. A
 * {@code -Dorg.slf4j.simpleLogger.*} property given on the java command line wins over these
 * defaults, except the level, which {@code --log-level} or the conf file decide.
 *
 * <p>Threading: call {@link #install} once, from the command's thread, before other threads log.
 */
public final class LoggingSetup {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private final String level;

    /** For one of off, error, warn, info, debug, trace. */
    public LoggingSetup(String level) {
        this.level = level.toLowerCase(Locale.ROOT);
    }

    /** Sets the backend's properties and installs the JUL bridge. */
    public void install() {
        System.setProperty(PREFIX + "defaultLogLevel", level);
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showShortLogName", "true");
        setIfAbsent("levelInBrackets", "false");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(julLevel());
    }

    private Level julLevel() {
        return switch (level) {
            case "off" -> Level.OFF;
            case "error" -> Level.SEVERE;
            case "warn" -> Level.WARNING;
            case "debug" -> Level.FINE;
            case "trace" -> Level.FINEST;
            default -> Level.INFO;
        };
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
