package io.switchio.launcher.conf;

import io.switchio.launcher.Escaped;
import io.switchio.spi.ParameterType;
import java.util.Locale;
import java.util.Set;

/**
 * Checks one conf value against what its key expects (a duration, a port, one word, a header
 * name, ...), whether it came from a conf file or a command-line option, and says what is wrong in
 * a sentence that names the value and what was expected.
 *
 * <p>Threading: stateless; any thread.
 */
final class ConfValueChecks {

    /** The accepted log levels. */
    static final Set<String> LOG_LEVELS = Set.of("off", "error", "warn", "info", "debug", "trace");

    private ConfValueChecks() {
    }

    /** What is wrong with a value of a key, or {@code null} when it is fine. */
    static String problem(ConfKey key, String v) {
        return switch (key) {
            case MODE -> oneOf(v, Set.of("serve", "dial"));
            case LOG_LEVEL -> oneOf(v.toLowerCase(Locale.ROOT), LOG_LEVELS);
            case CONNECT_TIMEOUT, COMMAND_TIMEOUT, RECONNECT_MIN, RECONNECT_MAX, PROGRESS_INTERVAL, SIM_HOLD -> typed(v, ParameterType.DURATION);
            case RUN_FOR, DIAL_DURATION -> v.isEmpty() ? null : typed(v, ParameterType.DURATION);
            case RECONNECT_ATTEMPTS, DIAL_LIMIT -> nonNegative(v, ParameterType.INT);
            case DIAL_MAX_OFFERED -> nonNegative(v, ParameterType.LONG);
            case SIM_ARRIVALS, SIM_SPEED, DIAL_RATE -> nonNegative(v, ParameterType.DOUBLE);
            case SIM_PORT -> port(v);
            case STOP_HANGUP -> typed(v, ParameterType.BOOLEAN);
            case HOSTS, APPS, PLUGINS_DIRS -> v.isBlank() ? "expected a comma-separated list, got nothing" : null;
            case ACTIVATION_HEADERS -> v.isBlank() ? "expected a comma-separated list, got nothing" : headerNames(v);
            case TRACKING_HEADER -> v.isBlank() ? "expected a value, got nothing" : headerName(v.strip());
            case GROUP -> v.isBlank() ? "expected a value, got nothing" : word(v.strip());
            case PASSWORD -> v.isBlank() ? "expected a value, got nothing" : null;
            default -> null;
        };
    }

    /** An app group travels in ESL commands and event headers: one word. */
    private static String word(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (Character.isWhitespace(v.charAt(i)) || Character.isISOControl(v.charAt(i))) {
                return "'" + Escaped.of(v) + "' is not one word; expected an app group name without spaces, tabs or line breaks";
            }
        }
        return null;
    }

    private static String headerNames(String v) {
        for (String name : v.split(",")) {
            String problem = name.isBlank() ? "has an empty item in '" + Escaped.of(v) + "'; expected comma-separated header names"
                    : headerName(name.strip());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** An event header name as FreeSWITCH writes it: no spaces, line breaks or ':'. */
    private static String headerName(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "'" + Escaped.of(v) + "' is not a header name; expected one word without spaces, line breaks or ':'"
                        + " (e.g. variable_call_uuid)";
            }
        }
        return null;
    }

    private static String oneOf(String v, Set<String> allowed) {
        return allowed.contains(v) ? null : "'" + v + "' is not one of " + allowed.stream().sorted().toList();
    }

    private static String typed(String v, ParameterType type) {
        try {
            type.parse(v);
            return null;
        } catch (IllegalArgumentException ex) {
            return ex.getMessage();
        }
    }

    private static String nonNegative(String v, ParameterType type) {
        String problem = typed(v, type);
        if (problem == null && ((Number) type.parse(v)).doubleValue() < 0) {
            problem = "'" + v + "' is negative; expected 0 or more";
        }
        return problem;
    }

    private static String port(String v) {
        String problem = typed(v, ParameterType.INT);
        if (problem == null) {
            int p = (Integer) ParameterType.INT.parse(v);
            problem = p < 0 || p > 65535 ? "'" + v + "' is not a port from 0 to 65535" : null;
        }
        return problem;
    }
}
