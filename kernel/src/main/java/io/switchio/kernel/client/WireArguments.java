package io.switchio.kernel.client;

import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Checks of the values an app puts into ESL commands, so that user data never changes a command's
 * shape: no CR or LF anywhere, no white space inside single tokens, and escaped commas inside
 * {@code {k=v,...}} variable blocks.
 *
 * <p>Threading: stateless; any thread.
 */
final class WireArguments {

    private WireArguments() {
    }

    /** Refuses CR and LF. */
    static String text(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException(what + " must not contain CR or LF: '"
                        + value.replace("\r", "\\r").replace("\n", "\\n") + "'");
            }
        }
        return value;
    }

    /** A single token: non-empty, no white space, no CR/LF. */
    static String token(String what, String value) {
        text(what, value);
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must be one non-empty word without spaces: '" + value + "'");
        }
        return value;
    }

    /** One of the allowed words. */
    static String oneOf(String what, String value, String... allowed) {
        token(what, value);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException(what + " must be one of " + String.join(", ", allowed) + ": '" + value + "'");
    }

    /** Whole seconds, rounded up, at least 0. */
    static long seconds(String what, Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or positive: " + delay);
        }
        return (delay.toMillis() + 999) / 1000;
    }

    /** Milliseconds, at least 1. */
    static long millis(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d.toMillis();
    }

    /**
     * A {@code {k=v,...}} block for dial strings and file strings; empty for no variables. Values
     * get their commas escaped ({@code \,}); braces in values are refused.
     */
    static String variableBlock(Map<String, String> vars) {
        if (vars == null || vars.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner(",", "{", "}");
        vars.forEach((k, v) -> j.add(k + "=" + escapeCommas(variable(k, v))));
        return j.toString();
    }

    /**
     * Checks one {@code k=v} of a variable block: the name one word without {@code =}, {@code ,}
     * or braces, the value without CR, LF or braces.
     *
     * @return the value
     */
    static String variable(String name, String value) {
        token("variable name", name);
        if (name.indexOf('=') >= 0 || name.indexOf(',') >= 0 || name.indexOf('{') >= 0 || name.indexOf('}') >= 0) {
            throw new IllegalArgumentException("variable name must not contain '=', ',', '{' or '}': '" + name + "'");
        }
        text("value of " + name, value);
        if (value.indexOf('{') >= 0 || value.indexOf('}') >= 0) {
            throw new IllegalArgumentException("value of " + name + " must not contain '{' or '}': '" + value + "'");
        }
        return value;
    }

    /** Escapes commas as {@code \,} (FreeSWITCH's variable-block escape). */
    static String escapeCommas(String value) {
        return value.indexOf(',') < 0 ? value : value.replace(",", "\\,");
    }
}
