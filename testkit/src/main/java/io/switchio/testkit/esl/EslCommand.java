package io.switchio.testkit.esl;

import java.util.List;

/**
 * One command block a client sent: the first line, the header lines (split at the first colon,
 * spaces after it skipped) and the body read by {@code Content-Length}.
 *
 * <p>Threading: immutable value.
 *
 * @param line the command line
 * @param headers header name/value pairs in order
 * @param body body text or null
 * @param raw the whole block as received (for sendevent's {@code Command} header)
 */
public record EslCommand(String line, List<String[]> headers, String body, String raw) {
    /** First header value by case-insensitive name, or null. */
    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }
}
