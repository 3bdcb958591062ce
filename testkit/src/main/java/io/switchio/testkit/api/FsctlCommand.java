package io.switchio.testkit.api;

import io.switchio.testkit.engine.SwitchEngine;

import java.util.List;
import java.util.Locale;

/**
 * {@code fsctl sps|max_sessions|loglevel|verbose_events [value]}, answered in mod_commands' words.
 *
 * <p>{@code fsctl loglevel} reads or sets the switch's hard log level (a name such as {@code info} or a number
 * 0-7; higher numbers are clamped to {@code DEBUG [7]}), starting at FreeSWITCH's default {@code DEBUG}.
 *
 * <p>Threading: engine thread only.
 */
final class FsctlCommand {
    /** FreeSWITCH's log level names, indexed by level number. */
    private static final List<String> LEVELS =
            List.of("CONSOLE", "ALERT", "CRIT", "ERR", "WARNING", "NOTICE", "INFO", "DEBUG");
    private static final int DEBUG = 7;

    private final SwitchEngine engine;
    private int logLevel = DEBUG;

    FsctlCommand(SwitchEngine engine) {
        this.engine = engine;
    }

    String run(List<String> t) {
        if (t.isEmpty()) {
            return "-USAGE: [sps|max_sessions|loglevel|verbose_events] [value]\n";
        }
        String arg = t.size() > 1 ? t.get(1) : null;
        switch (t.get(0)) {
            case "sps" -> {
                if (arg != null) {
                    engine.sessionsPerSecond(Integer.parseInt(arg));
                }
                return "+OK sessions per second: " + engine.sessionsPerSecond() + "\n";
            }
            case "max_sessions" -> {
                if (arg != null) {
                    engine.maxSessions(Integer.parseInt(arg));
                }
                return "+OK max sessions: " + engine.maxSessions() + "\n";
            }
            case "loglevel" -> {
                return loglevel(arg);
            }
            case "verbose_events" -> {
                boolean on = arg == null || arg.equals("on") || arg.equals("true");
                engine.events().verbose(on);
                return "+OK verbose_events is " + (on ? "on" : "off") + "\n";
            }
            default -> {
                return "-ERR INVALID COMMAND\n";
            }
        }
    }

    private String loglevel(String arg) {
        if (arg != null) {
            int level;
            if (Character.isDigit(arg.charAt(0))) {
                String digits = arg.replaceAll("\\D.*", "");
                level = digits.length() > 1 ? DEBUG : Math.min(DEBUG, digits.charAt(0) - '0');
            } else {
                level = LEVELS.indexOf(arg.toUpperCase(Locale.ROOT));
            }
            if (level < 0) {
                return "-ERR syntax error, log level not set!\n";
            }
            logLevel = level;
        }
        return "+OK log level: " + LEVELS.get(logLevel) + " [" + logLevel + "]\n";
    }
}
