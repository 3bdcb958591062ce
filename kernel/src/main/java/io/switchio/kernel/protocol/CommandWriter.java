package io.switchio.kernel.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the wire bytes of one command (esl-protocol §2.2): the command line, optional
 * {@code Name: value} header lines, an empty line, an optional body counted by
 * {@code Content-Length}. LF only, UTF-8. Also the single place that refuses CR, LF and NUL in
 * anything that would land inside a line: such a byte would end the line and let user data
 * smuggle a header or a whole command.
 *
 * <p>Threading: a short-lived builder on the calling thread; the static checks are stateless.
 */
final class CommandWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    CommandWriter(String commandLine) {
        write(commandLine);
        out.write('\n');
    }

    CommandWriter header(String name, String value) {
        write(name);
        out.write(':');
        out.write(' ');
        write(value);
        out.write('\n');
        return this;
    }

    CommandWriter headers(List<EslHeader> headers) {
        for (EslHeader h : headers) {
            header(h.name(), h.value());
        }
        return this;
    }

    /** Ends the header block, appending {@code content-length} and the body when there is one. */
    byte[] finish(String body) {
        if (body == null) {
            out.write('\n');
            return out.toByteArray();
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        header("content-length", Integer.toString(b.length));
        out.write('\n');
        out.write(b, 0, b.length);
        return out.toByteArray();
    }

    byte[] finish() {
        return finish(null);
    }

    private void write(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    /**
     * Refuses a value that would break out of its line.
     *
     * @param what the argument's name, for the message
     * @return the value
     * @throws IllegalArgumentException for null, or a value with CR, LF or NUL
     */
    static String lineSafe(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException("ESL command argument '" + what + "' is null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException("ESL command argument '" + what + "' contains "
                        + (c == '\r' ? "CR" : c == '\n' ? "LF" : "NUL")
                        + " at index " + i + "; refused because it would inject ESL commands or headers");
            }
        }
        return value;
    }

    /** Like {@link #lineSafe} and also non-blank. */
    static String nonBlank(String what, String value) {
        lineSafe(what, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("ESL command argument '" + what + "' is blank");
        }
        return value;
    }

    /** A single word: non-blank, line-safe, without spaces (event names, header names, uuids). */
    static String word(String what, String value) {
        nonBlank(what, value);
        if (value.indexOf(' ') >= 0 || value.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("ESL command argument '" + what + "' must be one word: '" + value + "'");
        }
        return value;
    }

    /** A body: anything but NUL (FreeSWITCH cuts command bodies at the first NUL). */
    static String body(String what, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("ESL command body '" + what + "' contains NUL; FreeSWITCH would truncate it");
        }
        return value;
    }
}
