package io.switchio.kernel.protocol;

import java.util.Arrays;

/**
 * One pass that builds a {@link HeaderBlock}'s line index: eight bytes at a time, the first colon
 * and the LF of each line are found from the same word with one zero-byte test (see
 * {@link #scanWords}), and each header line becomes one packed {@code int}
 * (see {@link HeaderBlock}). A throwaway object, so the pass's state lives in fields rather than in
 * one long method.
 *
 * <p>Threading: confined to the thread that calls {@link #run}; used once.
 */
final class HeaderIndexer {

    private static final long COLON_WORD = 0x3A3A3A3A3A3A3A3AL;
    private static final long FOLD_WORD = 0x3030303030303030L;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] b;
    private final int from;
    private final int to;
    private final boolean lenient;
    private final long baseOffset;
    private final boolean wide;
    private int[] idx;
    private int n;
    private int lineStart;
    private int colon = -1;
    private int blockEnd;
    private int tailFrom;

    HeaderIndexer(byte[] b, int from, int to, boolean lenient, long baseOffset) {
        this.b = b;
        this.from = from;
        this.to = to;
        this.lenient = lenient;
        this.baseOffset = baseOffset;
        this.wide = to - from >= HeaderBlock.NARROW_LIMIT;
        this.idx = new int[((to - from) / 32 + 8) * (wide ? 2 : 1)];
        this.lineStart = from;
        this.blockEnd = to;
    }

    HeaderBlock run(boolean percentEncoded) {
        if (!scanWords()) {
            scanTail();
        }
        // closing entry: where the line after the last indexed one starts
        add(lineStart, 0);
        return new HeaderBlock(b, wide ? 0 : from, idx, wide, n - 1, percentEncoded, blockEnd);
    }

    /**
     * Eight bytes at a time; true when the empty line was found. One cheap test per word finds the
     * candidates: ORing 0x30 into every byte maps LF (0x0A) onto ':' (0x3A), so a single
     * zero-byte test on {@code (w | 0x30..) ^ 0x3A..} flags every LF and colon (and, harmlessly,
     * 0x1A, '*' and a few bytes just above a hit). Each candidate's byte is then read to decide;
     * false candidates are rare in header text, so the branches predict well.
     */
    private boolean scanWords() {
        int p = lineStart;
        while (p + 8 <= to) {
            long x = ((long) HeaderBlock.LONGS.get(b, p) | FOLD_WORD) ^ COLON_WORD;
            long m = (x - ONES) & ~x & HIGH_BITS;
            while (m != 0) {
                int pos = p + (Long.numberOfTrailingZeros(m) >>> 3);
                m &= m - 1;
                byte c = b[pos];
                if (c == '\n') {
                    if (lineEnded(pos)) {
                        return true;
                    }
                } else if (c == ':' && colon < 0) {
                    colon = pos;
                }
            }
            p += 8;
        }
        this.tailFrom = p;
        return false;
    }

    /** The last bytes, one at a time; an unterminated last line ends at {@code to}. */
    private void scanTail() {
        for (int p = tailFrom; p < to; p++) {
            byte c = b[p];
            if (c == '\n') {
                if (lineEnded(p)) {
                    return;
                }
            } else if (c == ':' && colon < 0) {
                colon = p;
            }
        }
        if (lineStart < to) {
            lineEnded(to);
        }
    }

    /** The line from {@code lineStart} ends with the LF at {@code nl}; true for the empty line. */
    private boolean lineEnded(int nl) {
        int lineEnd = nl > lineStart && b[nl - 1] == '\r' ? nl - 1 : nl;
        if (lineEnd == lineStart) {
            blockEnd = Math.min(nl + 1, to);
            return true;
        }
        if (colon < 0 || colon >= lineEnd) {
            if (!lenient) {
                throw new EslProtocolException(baseOffset + lineStart, "header line without ':': '"
                        + ValueDecoder.raw(b, lineStart, Math.min(lineEnd, lineStart + 80)) + "'");
            }
            // a continuation: the previous value now runs to this line's end
        } else {
            add(lineStart, colon - lineStart);
        }
        lineStart = nl + 1;
        blockEnd = Math.min(lineStart, to);
        colon = -1;
        return false;
    }

    private void add(int start, int nameLength) {
        int slots = wide ? 2 : 1;
        if ((n + 1) * slots > idx.length) {
            idx = Arrays.copyOf(idx, idx.length * 2);
        }
        if (wide) {
            idx[n * 2] = start;
            idx[n * 2 + 1] = nameLength;
        } else {
            idx[n] = (start - from) << 16 | nameLength;
        }
        n++;
    }
}
