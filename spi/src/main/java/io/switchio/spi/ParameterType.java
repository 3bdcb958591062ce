package io.switchio.spi;

import java.time.Duration;
import java.util.Locale;

/**
 * The type of an app parameter, and how its text form converts.
 *
 * <p>Threading: an enum; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum ParameterType {
    /** Any text. */
    STRING,
    /** A 32-bit integer, e.g. {@code 404}. */
    INT,
    /** A 64-bit integer. */
    LONG,
    /** A decimal number, e.g. {@code 4.25}. */
    DOUBLE,
    /** {@code true/false}, {@code yes/no}, {@code on/off} or {@code 1/0}. */
    BOOLEAN,
    /** A duration: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, a plain number of seconds, or ISO-8601. */
    DURATION;

    /**
     * Converts a text value.
     *
     * @return a String, Integer, Long, Double, Boolean or Duration
     * @throws IllegalArgumentException naming the expected form when the text does not convert
     */
    public Object parse(String text) {
        String t = text.trim();
        try {
            return switch (this) {
                case STRING -> text;
                case INT -> Integer.valueOf(t);
                case LONG -> Long.valueOf(t);
                case DOUBLE -> Double.valueOf(t);
                case BOOLEAN -> parseBoolean(t);
                case DURATION -> parseDuration(t);
            };
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + expected(), e);
        }
    }

    /** Words for error messages: what a valid value of this type looks like. */
    public String expected() {
        return switch (this) {
            case STRING -> "text";
            case INT -> "an integer";
            case LONG -> "an integer";
            case DOUBLE -> "a number";
            case BOOLEAN -> "a boolean (true/false, yes/no, on/off, 1/0)";
            case DURATION -> "a duration (e.g. 250ms, 5s, 2m, 1h or PT5S)";
        };
    }

    private Boolean parseBoolean(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "no", "off", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + t + "' is not " + expected());
        };
    }

    private Duration parseDuration(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pt") || lower.startsWith("p")) {
            return Duration.parse(t);
        }
        if (lower.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2).trim()));
        }
        char unit = lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1);
        String number = Character.isLetter(unit) ? lower.substring(0, lower.length() - 1).trim() : lower;
        double value = Double.parseDouble(number);
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("'" + t + "' is not " + expected());
        }
        double seconds = switch (unit) {
            case 's' -> value;
            case 'm' -> value * 60;
            case 'h' -> value * 3600;
            default -> {
                if (Character.isLetter(unit)) {
                    throw new IllegalArgumentException("'" + t + "' is not " + expected());
                }
                yield value;
            }
        };
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }
}
