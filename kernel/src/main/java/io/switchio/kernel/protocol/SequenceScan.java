package io.switchio.kernel.protocol;

/**
 * Finds {@code Event-Sequence} in a serialised plain event without indexing it: walks line
 * starts (LF search eight bytes at a time) until the header or the empty line. The reader uses it
 * for loss detection on every event, so it must stay far cheaper than a full index; the header is
 * the 13th line of FreeSWITCH's standard block (esl-protocol §8.4), a few hundred bytes in.
 *
 * <p>Threading: stateless; any thread.
 */
final class SequenceScan {

    private static final byte[] NAME = "Event-Sequence:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private SequenceScan() {
    }

    /** The value of the first {@code Event-Sequence} line of {@code b[from, to)}, or -1. */
    static long find(byte[] b, int from, int to) {
        int p = from;
        while (p < to) {
            if (b[p] == '\n' || (b[p] == '\r' && p + 1 < to && b[p + 1] == '\n')) {
                return -1;
            }
            if (startsWithName(b, p, to)) {
                return digits(b, p + NAME.length, to);
            }
            int nl = HeaderBlock.indexOfLineFeed(b, p, to);
            if (nl < 0) {
                return -1;
            }
            p = nl + 1;
        }
        return -1;
    }

    private static boolean startsWithName(byte[] b, int p, int to) {
        if (p + NAME.length > to) {
            return false;
        }
        for (int i = 0; i < NAME.length; i++) {
            if (b[p + i] != NAME[i]) {
                return false;
            }
        }
        return true;
    }

    private static long digits(byte[] b, int p, int to) {
        while (p < to && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        long v = 0;
        int n = 0;
        for (; p < to && b[p] != '\n' && b[p] != '\r'; p++, n++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9 || n > 18) {
                return -1;
            }
            v = v * 10 + d;
        }
        return n == 0 ? -1 : v;
    }
}
