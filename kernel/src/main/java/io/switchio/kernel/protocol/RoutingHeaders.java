package io.switchio.kernel.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The three headers a host routes a plain event by ({@code Event-Name}, {@code Unique-ID},
 * {@code Event-Sequence}), found by walking the first lines of the block without indexing it:
 * FreeSWITCH writes them among the first 13 lines (esl-protocol §8.4), a few hundred bytes into a
 * 5 KB event. The connection's reader runs this for every plain event so the dispatcher can route
 * without building the full line index; the index is built on the first read of any other header,
 * by whichever thread does it (usually the session's own).
 *
 * <p>A header found here has exactly the value a full index would give (the first line of that
 * name, spaces after the colon skipped, percent-decoded, {@code _undef_} read as empty). A header
 * not within the first {@value #MAX_LINES} lines stays {@code null} and is looked up through the
 * full index. When a found line is followed by a continuation line (no colon, which FreeSWITCH
 * never writes as values are URL-encoded) the scan gives up so the full index decides.
 *
 * <p>Threading: built on one thread, then immutable.
 */
final class RoutingHeaders {

    /** How many lines are walked at most. */
    static final int MAX_LINES = 24;

    private static final byte[] EVENT_NAME = "Event-Name:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNIQUE_ID = "Unique-ID:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_SEQUENCE = "Event-Sequence:".getBytes(StandardCharsets.US_ASCII);

    String eventName;
    String uniqueId;
    String sequence;

    private RoutingHeaders() {
    }

    /** Scans {@code b[from, to)}; {@code null} when the block is irregular near a routing header. */
    static RoutingHeaders scan(byte[] b, int from, int to) {
        RoutingHeaders r = new RoutingHeaders();
        int p = from;
        for (int lines = 0; lines < MAX_LINES && p < to; lines++) {
            if (r.eventName != null && r.uniqueId != null && r.sequence != null) {
                break;
            }
            int nl = HeaderBlock.indexOfLineFeed(b, p, to);
            int next = nl < 0 ? to : nl + 1;
            int lineEnd = stripCr(b, p, nl < 0 ? to : nl);
            if (lineEnd == p) {
                break;
            }
            String value = null;
            int which = startsWith(b, p, lineEnd, EVENT_NAME) ? 0
                    : startsWith(b, p, lineEnd, UNIQUE_ID) ? 1
                    : startsWith(b, p, lineEnd, EVENT_SEQUENCE) ? 2 : -1;
            if (which >= 0) {
                if (continues(b, next, to)) {
                    return null;
                }
                int vs = p + (which == 0 ? EVENT_NAME.length : which == 1 ? UNIQUE_ID.length : EVENT_SEQUENCE.length);
                while (vs < lineEnd && (b[vs] == ' ' || b[vs] == '\t')) {
                    vs++;
                }
                value = ValueDecoder.percentDecoded(b, vs, lineEnd);
                if (value.equals("_undef_")) {
                    value = "";
                }
            }
            if (which == 0 && r.eventName == null) {
                r.eventName = value;
            } else if (which == 1 && r.uniqueId == null) {
                r.uniqueId = value;
            } else if (which == 2 && r.sequence == null) {
                r.sequence = value;
            }
            p = next;
        }
        return r;
    }

    private static int stripCr(byte[] b, int start, int end) {
        return end > start && b[end - 1] == '\r' ? end - 1 : end;
    }

    /** Whether the line at {@code p} is a continuation: non-empty and without a colon. */
    private static boolean continues(byte[] b, int p, int to) {
        if (p >= to) {
            return false;
        }
        int nl = HeaderBlock.indexOfLineFeed(b, p, to);
        int end = stripCr(b, p, nl < 0 ? to : nl);
        if (end == p) {
            return false;
        }
        for (int i = p; i < end; i++) {
            if (b[i] == ':') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int p, int end, byte[] name) {
        if (end - p < name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (b[p + i] != name[i]) {
                return false;
            }
        }
        return true;
    }
}
