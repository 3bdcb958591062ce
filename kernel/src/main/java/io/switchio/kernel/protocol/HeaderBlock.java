package io.switchio.kernel.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A header block cut out of the wire bytes: each {@code Name: value} line is indexed once (four
 * ints: name start, name length, value start, value length) and nothing is decoded until asked.
 * A lookup compares bytes, a value is decoded the first time it is read and then cached, so an app
 * reading three headers of a 150-header event pays for three.
 *
 * <p>Line rules (esl-protocol §2.1): split at the first {@code :}, skip spaces and tabs after it,
 * the value runs to the end of the line; a CR before the LF is tolerated; the block ends at the
 * first empty line.
 *
 * <p>Threading: immutable after {@link #parse}; any thread may read. The value cache is written
 * racily with immutable Strings, like {@code String.hash}: harmless.
 */
final class HeaderBlock implements EventHeaders {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LF_WORD = 0x0A0A0A0A0A0A0A0AL;
    private static final long COLON_WORD = 0x3A3A3A3A3A3A3A3AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] bytes;
    private final int[] index;
    private final int count;
    private final boolean percentEncoded;
    private final int end;
    private String[] cache;

    private HeaderBlock(byte[] bytes, int[] index, int count, boolean percentEncoded, int end) {
        this.bytes = bytes;
        this.index = index;
        this.count = count;
        this.percentEncoded = percentEncoded;
        this.end = end;
    }

    /**
     * Indexes the header lines of {@code bytes[from, to)} up to the first empty line.
     *
     * @param percentEncoded whether values are URL-encoded (plain events, the connect reply)
     * @param baseOffset added to positions in error messages (stream or frame offset of {@code bytes[0]})
     * @throws EslProtocolException for a line without a colon
     */
    static HeaderBlock parse(byte[] bytes, int from, int to, boolean percentEncoded, long baseOffset) {
        return parse(bytes, from, to, percentEncoded, baseOffset, false);
    }

    /**
     * Like {@link #parse(byte[], int, int, boolean, long)}, but never fails: a line without a colon
     * continues the previous value (joined by its LF, as the Python original read multi-line
     * values) or, before the first header, is skipped. Used for serialised plain events, whose
     * values FreeSWITCH URL-encodes so such lines do not occur in practice; the outer framing
     * stays strict.
     */
    static HeaderBlock parseLenient(byte[] bytes, int from, int to) {
        return parse(bytes, from, to, true, 0, true);
    }

    private static HeaderBlock parse(byte[] bytes, int from, int to, boolean percentEncoded, long baseOffset,
            boolean lenient) {
        int[] idx = new int[((to - from) / 28 + 8) * 4];
        int n = 0;
        int p = from;
        int blockEnd = to;
        while (p < to) {
            int lineStart = p;
            int i = indexOfColonOrLineFeed(bytes, p, to);
            int colon = i >= 0 && bytes[i] == ':' ? i : -1;
            int nl = i < 0 ? -1 : indexOfLineFeed(bytes, i, to);
            int lineEnd = nl < 0 ? to : nl;
            if (lineEnd > lineStart && bytes[lineEnd - 1] == '\r') {
                lineEnd--;
            }
            if (lineEnd == lineStart) {
                blockEnd = nl < 0 ? to : nl + 1;
                break;
            }
            if ((colon < 0 || colon >= lineEnd) && lenient) {
                if (n > 0) {
                    idx[n * 4 - 1] = lineEnd - idx[n * 4 - 2];
                }
                p = nl < 0 ? to : nl + 1;
                blockEnd = p;
                continue;
            }
            if (colon < 0 || colon >= lineEnd) {
                throw new EslProtocolException(baseOffset + lineStart,
                        "header line without ':': '" + ValueDecoder.raw(bytes, lineStart, Math.min(lineEnd, lineStart + 80)) + "'");
            }
            int vs = colon + 1;
            while (vs < lineEnd && (bytes[vs] == ' ' || bytes[vs] == '\t')) {
                vs++;
            }
            if (n * 4 + 4 > idx.length) {
                idx = Arrays.copyOf(idx, idx.length * 2);
            }
            idx[n * 4] = lineStart;
            idx[n * 4 + 1] = colon - lineStart;
            idx[n * 4 + 2] = vs;
            idx[n * 4 + 3] = lineEnd - vs;
            n++;
            p = nl < 0 ? to : nl + 1;
            blockEnd = p;
        }
        return new HeaderBlock(bytes, idx, n, percentEncoded, blockEnd);
    }

    /** The index of the first {@code :} or LF in {@code b[from, to)}, or -1; eight bytes at a time. */
    static int indexOfColonOrLineFeed(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            long x = w ^ LF_WORD;
            long y = w ^ COLON_WORD;
            long found = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == '\n' || b[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first LF in {@code b[from, to)}, or -1. Reads eight bytes at a time (SWAR):
     * values are most of an event's bytes and are scanned only for their end.
     */
    static int indexOfLineFeed(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long x = (long) LONGS.get(b, i) ^ LF_WORD;
            long found = (x - ONES) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The position just after the block's terminating empty line (or the end of the input). */
    int end() {
        return end;
    }

    /**
     * The same lines over a copy of the bytes that starts {@code shift} bytes later (the index is
     * moved, so this block must not be used afterwards).
     */
    HeaderBlock moveTo(byte[] newBytes, int shift) {
        for (int i = 0; i < count; i++) {
            index[i * 4] -= shift;
            index[i * 4 + 2] -= shift;
        }
        return new HeaderBlock(newBytes, index, count, percentEncoded, end - shift);
    }

    /** The same lines, with values read as URL-encoded. */
    HeaderBlock asPercentEncoded() {
        return new HeaderBlock(bytes, index, count, true, end);
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public String name(int i) {
        return new String(bytes, index[i * 4], index[i * 4 + 1], StandardCharsets.ISO_8859_1);
    }

    @Override
    public String value(int i) {
        String[] c = cache;
        if (c == null) {
            c = new String[count];
            cache = c;
        }
        String v = c[i];
        if (v == null) {
            int from = index[i * 4 + 2];
            int to = from + index[i * 4 + 3];
            if (percentEncoded) {
                v = ValueDecoder.percentDecoded(bytes, from, to);
                if (v.equals("_undef_")) {
                    v = "";
                }
            } else {
                v = ValueDecoder.raw(bytes, from, to);
            }
            c[i] = v;
        }
        return v;
    }

    @Override
    public int indexOf(String name) {
        return indexOf(name, -1);
    }

    @Override
    public int indexOf(String name, int after) {
        int len = name.length();
        for (int i = after + 1; i < count; i++) {
            if (index[i * 4 + 1] == len && nameEquals(index[i * 4], name, len, false)) {
                return i;
            }
        }
        return -1;
    }

    /** Like {@link #indexOf(String)} but ignoring ASCII case (framing headers). */
    int indexOfIgnoreCase(String name) {
        int len = name.length();
        for (int i = 0; i < count; i++) {
            if (index[i * 4 + 1] == len && nameEquals(index[i * 4], name, len, true)) {
                return i;
            }
        }
        return -1;
    }

    /** The last header with this name (ignoring case), or -1. */
    int lastIndexOfIgnoreCase(String name) {
        int len = name.length();
        for (int i = count - 1; i >= 0; i--) {
            if (index[i * 4 + 1] == len && nameEquals(index[i * 4], name, len, true)) {
                return i;
            }
        }
        return -1;
    }

    /** The raw (never percent-decoded) value bytes of header {@code i} as text. */
    String rawValue(int i) {
        int from = index[i * 4 + 2];
        return ValueDecoder.raw(bytes, from, from + index[i * 4 + 3]);
    }

    /** Start of header {@code i}'s value in the backing bytes. */
    int valueStart(int i) {
        return index[i * 4 + 2];
    }

    /** Length of header {@code i}'s value in bytes. */
    int valueLength(int i) {
        return index[i * 4 + 3];
    }

    private boolean nameEquals(int start, String name, int len, boolean ignoreCase) {
        byte[] b = bytes;
        for (int k = 0; k < len; k++) {
            int c = b[start + k];
            int d = name.charAt(k);
            if (c != d) {
                if (!ignoreCase || (c | 0x20) != (d | 0x20) || (d | 0x20) < 'a' || (d | 0x20) > 'z') {
                    return false;
                }
            }
        }
        return true;
    }
}
