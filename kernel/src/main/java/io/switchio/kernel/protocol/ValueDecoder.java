package io.switchio.kernel.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Turns one header value's bytes into a String: raw (outer headers) or percent-decoded as
 * FreeSWITCH's {@code switch_url_encode} wrote it (plain event values, the outbound
 * {@code connect} reply).
 *
 * <p>Decoding rules (esl-protocol §8.1.1): {@code %} followed by two hex digits of either case
 * becomes that byte; everything else, including {@code +} and malformed {@code %} sequences,
 * stays as it is; the resulting bytes are read as UTF-8, leniently (invalid sequences become
 * U+FFFD, never an exception).
 *
 * <p>Threading: stateless; any thread.
 */
final class ValueDecoder {

    private ValueDecoder() {
    }

    /** The bytes {@code [from, to)} as text, without percent-decoding (ASCII fast path). */
    static String raw(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return new String(b, from, to - from, StandardCharsets.UTF_8);
            }
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The bytes {@code [from, to)} percent-decoded, then read as UTF-8. */
    static String percentDecoded(byte[] b, int from, int to) {
        int firstPercent = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '%') {
                firstPercent = i;
                break;
            }
        }
        if (firstPercent < 0) {
            return raw(b, from, to);
        }
        byte[] out = new byte[to - from];
        int n = firstPercent - from;
        System.arraycopy(b, from, out, 0, n);
        int i = firstPercent;
        while (i < to) {
            byte c = b[i];
            if (c == '%' && i + 2 < to && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
                out[n++] = (byte) (hex(b[i + 1]) << 4 | hex(b[i + 2]));
                i += 3;
            } else {
                out[n++] = c;
                i++;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** The value of one hex digit (either case), or -1. */
    static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
