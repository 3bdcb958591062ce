package io.switchio.kernel.protocol;

import io.switchio.spi.Event;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A plain event kept as the difference from the event that followed it on the same channel:
 * consecutive events of a channel repeat most of their lines (caller profile, channel variables),
 * so an older event is stored as the byte ranges it shares with its successor plus its own other
 * lines, typically a tenth of the event. {@link #apply} rebuilds the exact bytes from the
 * successor's; {@link #literalHeader} answers from the event's own lines only.
 *
 * <p>Matching is byte-exact and by whole header lines (see the builder): shared runs are the
 * successor's bytes, differing lines are kept. Whatever is not a header line (lines before the
 * first header, the closing empty line) is kept or shared as bytes, so a rebuilt event is byte
 * for byte the original. Everything else (lines before the first header, the closing empty line) is kept as is, so
 * a rebuilt event is byte for byte the original.
 *
 * <p>Threading: immutable after {@link #of}; any thread. The literal lines' index is built on
 * first use (a benign race on an immutable object).
 */
public final class EventDelta {

    private static final byte[] FRAME_HEAD_START = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FRAME_HEAD_END = ("\nContent-Type: " + ContentTypes.EVENT_PLAIN + "\n\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final String name;
    /** Pairs (from, length): from >= 0 copies the successor's body from there; from < 0 copies literal bytes at -from - 1. */
    private final int[] segments;
    private final byte[] literals;
    private final int length;
    private HeaderBlock literalLines;

    private EventDelta(String name, int[] segments, byte[] literals, int length) {
        this.name = name;
        this.segments = segments;
        this.literals = literals;
        this.length = length;
    }

    /**
     * The delta of {@code older} against {@code newer}, or {@code null} when either is not a
     * plain event read from the wire or {@code older} carries a body after its headers (such
     * events stay whole).
     */
    public static EventDelta of(Event older, Event newer) {
        if (!(older instanceof EslEvent o) || !(newer instanceof EslEvent n) || !o.isPlain() || !n.isPlain()) {
            return null;
        }
        HeaderBlock oh = o.plainHeaders();
        if (oh.end() != o.message().bodyStart() + o.message().bodyLength()) {
            return null; // a body after the headers: kept whole
        }
        Builder b = new Builder(o, n);
        if (b.lockstep()) {
            return b.result();
        }
        b.reset();
        b.byLines(oh, n.plainHeaders());
        return b.result();
    }

    /** The event's name, as {@link Event#name()} of the original. */
    public String name() {
        return name;
    }

    /** Bytes this delta holds (for memory accounting in tests and benchmarks). */
    public int retainedBytes() {
        return 32 + segments.length * 4 + literals.length;
    }

    /** The original event's body (its header block), rebuilt from the successor's body. */
    public byte[] apply(byte[] successorBody) {
        byte[] out = new byte[length];
        int p = 0;
        for (int i = 0; i < segments.length; i += 2) {
            int from = segments[i];
            int len = segments[i + 1];
            if (from >= 0) {
                System.arraycopy(successorBody, from, out, p, len);
            } else {
                System.arraycopy(literals, -from - 1, out, p, len);
            }
            p += len;
        }
        return out;
    }

    /** The original event, rebuilt from the successor's body (see {@link #bodyOf}). */
    public EslEvent rebuild(byte[] successorBody) {
        return plainEvent(apply(successorBody));
    }

    /** A {@code text/event-plain} event around a header block (what {@link #apply} returns). */
    public static EslEvent plainEvent(byte[] body) {
        byte[] digits = Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[FRAME_HEAD_START.length + digits.length + FRAME_HEAD_END.length + body.length];
        int p = 0;
        System.arraycopy(FRAME_HEAD_START, 0, frame, p, FRAME_HEAD_START.length);
        p += FRAME_HEAD_START.length;
        System.arraycopy(digits, 0, frame, p, digits.length);
        p += digits.length;
        System.arraycopy(FRAME_HEAD_END, 0, frame, p, FRAME_HEAD_END.length);
        p += FRAME_HEAD_END.length;
        System.arraycopy(body, 0, frame, p, body.length);
        return EslEvent.of(EslMessage.parse(frame));
    }

    /** The body bytes of a whole plain event, to rebuild the delta of the event before it. */
    public static byte[] bodyOf(EslEvent event) {
        return event.message().body();
    }

    /**
     * The value of the first of the event's own (not shared) lines named {@code name}, or
     * {@code null}. When the successor has no line of that name, no line of it can have been
     * shared, so this is then exactly the original's {@link Event#header}.
     */
    public String literalHeader(String name) {
        HeaderBlock h = literalLines;
        if (h == null) {
            h = HeaderBlock.parseLenient(literals, 0, literals.length);
            literalLines = h;
        }
        int i = h.indexOf(name);
        return i < 0 ? null : h.value(i);
    }

    /**
     * Pairs the older event's lines with the successor's. First in lockstep over the raw bytes
     * (the successor's header index is not needed): shared runs are found with a vectorised mismatch and a differing
     * line must have the same name as the successor's line in the same place, the common case of
     * a channel's values changing. When lines were added or removed it starts over line by line,
     * matching by position, then by the first line of that name, through both header indexes.
     */
    private static final class Builder {
        private final byte[] ob;
        private final int obStart;
        private final int obEnd;
        private final byte[] nb;
        private final int nBase;
        private final int nbEnd;
        private final String name;
        private int[] segments = new int[32];
        private int segmentCount;
        private byte[] literals = new byte[256];
        private int literalLength;

        Builder(EslEvent older, EslEvent newer) {
            this.ob = older.message().bytes();
            this.obStart = older.message().bodyStart();
            this.obEnd = obStart + older.message().bodyLength();
            this.nb = newer.message().bytes();
            this.nBase = newer.message().bodyStart();
            this.nbEnd = nBase + newer.message().bodyLength();
            this.name = older.name();
        }

        /** The lockstep pass; false (with partial state to {@link #reset}) when the lines do not pair up. */
        boolean lockstep() {
            int po = obStart;
            int pn = nBase;
            while (po < obEnd) {
                int m = Arrays.mismatch(ob, po, obEnd, nb, pn, nbEnd);
                if (m < 0) {
                    shared(pn - nBase, obEnd - po);
                    return true;
                }
                int cut = lineStartAtOrBefore(po + m, po);
                if (cut > po) {
                    shared(pn - nBase, cut - po);
                    pn += cut - po;
                    po = cut;
                }
                int eo = lineEnd(ob, po, obEnd);
                int en = lineEnd(nb, pn, nbEnd);
                if (!sameNameAt(po, eo, pn, en)) {
                    return false;
                }
                literal(po, eo);
                po = eo;
                pn = en;
            }
            return true;
        }

        private int lineStartAtOrBefore(int at, int floor) {
            int p = at;
            while (p > floor && ob[p - 1] != '\n') {
                p--;
            }
            return p;
        }

        private static int lineEnd(byte[] b, int from, int to) {
            int lf = HeaderBlock.indexOfLineFeed(b, from, to);
            return lf < 0 ? to : lf + 1;
        }

        /** Both lines are header lines with the same name (bytes before the first colon). */
        private boolean sameNameAt(int po, int eo, int pn, int en) {
            int co = indexOfColon(ob, po, eo);
            int cn = indexOfColon(nb, pn, en);
            return co > po && cn > pn && co - po == cn - pn && Arrays.equals(ob, po, co, nb, pn, cn);
        }

        private static int indexOfColon(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] == ':') {
                    return i;
                }
                if (b[i] == '\n') {
                    return -1;
                }
            }
            return -1;
        }

        void reset() {
            segmentCount = 0;
            literalLength = 0;
        }

        /** The line-by-line pass, through both header indexes. */
        void byLines(HeaderBlock oh, HeaderBlock nh) {
            literal(obStart, oh.lineStart(0));
            int next = 0;
            for (int i = 0; i < oh.size(); i++) {
                int from = oh.lineStart(i);
                int to = oh.lineStart(i + 1);
                if (next < nh.size() && sameBytes(nh, from, to, next)) {
                    shared(nh.lineStart(next) - nBase, to - from);
                    next++;
                    continue;
                }
                boolean sameNameHere = next < nh.size() && sameName(oh, i, nh, next);
                int j = sameNameHere ? -1 : nh.indexOf(oh.name(i));
                if (j >= 0 && sameBytes(nh, from, to, j)) {
                    shared(nh.lineStart(j) - nBase, to - from);
                    next = j + 1;
                } else {
                    // a changed value (same name in the same place) or a line of its own
                    literal(from, to);
                    if (sameNameHere) {
                        next++;
                    } else if (j >= 0) {
                        next = j + 1;
                    }
                }
            }
            literal(oh.lineStart(oh.size()), obEnd);
        }

        EventDelta result() {
            return new EventDelta(name, Arrays.copyOf(segments, segmentCount), Arrays.copyOf(literals, literalLength),
                    obEnd - obStart);
        }

        private boolean sameName(HeaderBlock oh, int i, HeaderBlock nh, int j) {
            int len = oh.nameLength(i);
            int from = oh.lineStart(i);
            int nFrom = nh.lineStart(j);
            return nh.nameLength(j) == len && Arrays.equals(ob, from, from + len, nb, nFrom, nFrom + len);
        }

        private boolean sameBytes(HeaderBlock nh, int from, int to, int j) {
            int nFrom = nh.lineStart(j);
            int nTo = nh.lineStart(j + 1);
            return nTo - nFrom == to - from && Arrays.equals(ob, from, to, nb, nFrom, nTo);
        }

        private void shared(int from, int len) {
            if (segmentCount > 0 && segments[segmentCount - 2] >= 0
                    && segments[segmentCount - 2] + segments[segmentCount - 1] == from) {
                segments[segmentCount - 1] += len;
                return;
            }
            add(from, len);
        }

        private void literal(int from, int to) {
            int len = to - from;
            if (len <= 0) {
                return;
            }
            if (literalLength + len > literals.length) {
                literals = Arrays.copyOf(literals, Math.max(literals.length * 2, literalLength + len));
            }
            System.arraycopy(ob, from, literals, literalLength, len);
            if (segmentCount > 0 && segments[segmentCount - 2] < 0) {
                segments[segmentCount - 1] += len; // literals are appended in order: extend the run
            } else {
                add(-literalLength - 1, len);
            }
            literalLength += len;
        }

        private void add(int from, int len) {
            if (segmentCount + 2 > segments.length) {
                segments = Arrays.copyOf(segments, segments.length * 2);
            }
            segments[segmentCount++] = from;
            segments[segmentCount++] = len;
        }
    }
}
