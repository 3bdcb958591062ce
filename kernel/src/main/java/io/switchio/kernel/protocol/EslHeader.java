package io.switchio.kernel.protocol;

/**
 * One {@code Name: value} line of a {@code sendmsg} or {@code sendevent} command. Refuses CR, LF
 * and NUL in both parts, a blank name and a colon in the name.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param name the header name, e.g. {@code execute-app-name}
 * @param value the value, sent raw (FreeSWITCH does not URL-decode command headers)
 */
public record EslHeader(String name, String value) {

    /** Validates both parts. */
    public EslHeader {
        CommandWriter.word("header name", name);
        if (name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("ESL header name must not contain ':': '" + name + "'");
        }
        CommandWriter.lineSafe("header " + name, value);
    }
}
