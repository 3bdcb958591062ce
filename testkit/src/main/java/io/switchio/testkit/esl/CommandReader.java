package io.switchio.testkit.esl;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads client command blocks the way mod_event_socket's {@code read_packet} does (§2.2): leading
 * CR/LF skipped, the block ends at the second LF since the last non-CR/LF byte, lines split at CR
 * or LF, and a body of {@code Content-Length} bytes (0..16 MiB, anything else is fatal).
 *
 * <p>Threading: owned by one connection's reader thread.
 */
public final class CommandReader {
    /** The largest body mod_event_socket accepts. */
    public static final int MAX_BODY = 16 * 1024 * 1024;
    private static final int MAX_BLOCK = 10_485_760;

    /** A command whose {@code Content-Length} is out of range; the server drops the connection. */
    public static final class BadLengthException extends IOException {
        BadLengthException(String value) {
            super("command Content-Length out of range: " + value);
        }
    }

    private final InputStream in;

    /** A reader over a buffered socket stream. */
    public CommandReader(InputStream in) {
        this.in = in;
    }

    /** The next command; throws EOFException at end of stream. */
    public EslCommand next() throws IOException {
        StringBuilder block = new StringBuilder(64);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(64);
        int newlines = 0;
        boolean started = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("client closed the connection");
            }
            if (!started && (b == '\r' || b == '\n')) {
                continue;
            }
            started = true;
            bytes.write(b);
            if (b == '\n') {
                if (++newlines == 2) {
                    break;
                }
            } else if (b != '\r') {
                newlines = 0;
            }
            if (bytes.size() >= MAX_BLOCK) {
                break;
            }
        }
        block.append(bytes.toString(StandardCharsets.UTF_8));
        return parse(block.toString());
    }

    private EslCommand parse(String block) throws IOException {
        String[] lines = block.split("\r\n|\r|\n");
        String line = lines.length == 0 ? "" : lines[0];
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                int v = c + 1;
                while (v < lines[i].length() && lines[i].charAt(v) == ' ') {
                    v++;
                }
                headers.add(new String[] {lines[i].substring(0, c), lines[i].substring(v)});
            }
        }
        String body = null;
        String raw = block;
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase("Content-Length")) {
                long n;
                try {
                    n = Long.parseLong(h[1].trim());
                } catch (NumberFormatException e) {
                    n = 0;
                }
                if (n < 0 || n > MAX_BODY) {
                    throw new BadLengthException(h[1]);
                }
                byte[] data = in.readNBytes((int) n);
                if (data.length < n) {
                    throw new EOFException("client closed the connection inside a command body");
                }
                String text = new String(data, StandardCharsets.UTF_8);
                int nul = text.indexOf('\0');
                body = nul >= 0 ? text.substring(0, nul) : text;
                raw = block + body;
                break;
            }
        }
        return new EslCommand(line, headers, body, raw);
    }
}
