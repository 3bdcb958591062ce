package io.switchio.testkit.esl;

import io.switchio.testkit.engine.EventFormat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;

/**
 * What one listener receives, as mod_event_socket's {@code event}, {@code nixevent}, {@code noevents},
 * {@code filter}, {@code log} and {@code nolog} commands set it, with their exact reply strings (§5.2).
 *
 * <p>Threading: commands on the connection's reader thread; {@link #logLevel()} from any thread.
 */
final class ListenerCommands {
    private static final List<String> LEVELS = List.of("console", "alert", "crit", "err", "warning", "notice",
            "info", "debug");

    private final EventSubscription subscription;
    private final ConnectionWriter writer;
    private volatile int logLevel = -1;

    ListenerCommands(EventSubscription subscription, ConnectionWriter writer) {
        this.subscription = subscription;
        this.writer = writer;
    }

    /** The log level asked for with {@code log}, or -1 when not logging. */
    int logLevel() {
        return logLevel;
    }

    /** The words after the command word. */
    static List<String> words(String line) {
        String[] w = line.split(" ");
        return Arrays.asList(w).subList(1, w.length);
    }

    /** The reply to a listener command, or null if {@code line} is none. */
    String handle(String line, String lower) {
        if (lower.startsWith("event")) {
            return event(words(line));
        } else if (lower.startsWith("nixevent")) {
            int n = subscription.unsubscribe(words(line));
            return n > 0 ? "+OK events nixed" : "-ERR no keywords supplied";
        } else if (lower.startsWith("noevents")) {
            boolean was = subscription.clear();
            writer.discardEvents();
            return was ? "+OK no longer listening for events" : "-ERR not listening for events";
        } else if (lower.startsWith("filter")) {
            return filter(line);
        } else if (lower.startsWith("nolog")) {
            String reply = logLevel >= 0 ? "+OK no longer logging" : "-ERR not loging";
            logLevel = -1;
            return reply;
        } else if (lower.startsWith("log")) {
            return log(line);
        }
        return null;
    }

    private String event(List<String> tokens) {
        List<String> names = tokens;
        if (!tokens.isEmpty()) {
            EventFormat f = EventFormat.parse(tokens.get(0));
            if (f != null) {
                writer.format(f);
                names = tokens.subList(1, tokens.size());
            }
        }
        int n = subscription.subscribe(names);
        return n > 0 ? "+OK event listener enabled " + writer.format().name().toLowerCase(Locale.ROOT)
                : "-ERR no keywords supplied";
    }

    private String filter(String line) {
        String rest = line.length() > 7 ? line.substring(7) : "";
        if (rest.startsWith("add ")) {
            rest = rest.substring(4);
        }
        if (rest.startsWith("delete")) {
            String arg = rest.length() > 7 ? rest.substring(7) : "";
            if (arg.isEmpty()) {
                return "-ERR invalid syntax";
            }
            int sp = arg.indexOf(' ');
            String h = sp < 0 ? arg : arg.substring(0, sp);
            String v = sp < 0 ? null : arg.substring(sp + 1);
            subscription.deleteFilter(h, v);
            return "+OK filter deleted. [" + h + "][" + (v == null ? "" : v) + "]";
        }
        int sp = rest.indexOf(' ');
        if (sp <= 0 || sp == rest.length() - 1) {
            return "-ERR invalid syntax";
        }
        String h = rest.substring(0, sp);
        String v = rest.substring(sp + 1);
        try {
            subscription.addFilter(h, v);
        } catch (PatternSyntaxException e) {
            return "-ERR invalid syntax";
        }
        return "+OK filter added. [" + h + "]=[" + v + "]";
    }

    private String log(String line) {
        String arg = line.length() > 4 ? line.substring(4).trim() : "";
        int level;
        if (arg.isEmpty()) {
            level = 7;
            arg = "debug";
        } else if (arg.chars().allMatch(Character::isDigit)) {
            level = Integer.parseInt(arg);
            if (level > 63) {
                return "-ERR invalid log level";
            }
        } else {
            level = LEVELS.indexOf(arg.toLowerCase(Locale.ROOT));
            if (level < 0) {
                return "-ERR invalid log level";
            }
        }
        logLevel = level;
        return "+OK log level " + arg + " [" + level + "]";
    }
}
