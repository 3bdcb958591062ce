package io.switchio.launcher;

/**
 * Makes a user-given value safe to print on one line of a message or a log: CR, LF, tab and other
 * control characters are shown as {@code \r}, {@code \n}, {@code \t} or {@code \u001b}, and a
 * backslash as {@code \\}, so a value cannot forge or split a log line.
 *
 * <p>Threading: stateless; any thread.
 */
public final class Escaped {

    private Escaped() {
    }

    /** The value with control characters escaped; {@code null} stays {@code "null"}. */
    public static String of(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                case '\\' -> "\\\\";
                default -> Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : null;
            };
            if (esc != null && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                b.append(esc != null ? esc : String.valueOf(c));
            }
        }
        return b == null ? s : b.toString();
    }
}
