package io.switchio.kernel.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A header block cut out of the wire bytes: each {@code Name: value} line is indexed once and
 * nothing is decoded until asked. A lookup compares bytes, a value is decoded the first time it is
 * read and then cached, so an app reading three headers of a 150-header event pays for three.
 *
 * <p>The index is one {@code int} per line: the line's start (relative to the block's first byte)
 * in the high 16 bits and its name length in the low 16, plus one closing entry holding where the
 * line after the last indexed one starts. A value runs from after the colon (spaces and tabs
 * skipped) to the LF before the next entry's start (a CR before it dropped), so a lenient
 * continuation line simply extends the value before it. Blocks of 64 KiB or more (rare: huge
 * bodies are not headers) use two ints per line with absolute starts. For a 137-line channel event
 * of 4.7 KB the index is about 600 bytes. It is built in one pass over the bytes, eight at a time,
 * finding the first colon and the LF of each line from the same word.
 *
 * <p>Line rules (esl-protocol §2.1): split at the first {@code :}, skip spaces and tabs after it,
 * the value runs to the end of the line; a CR before the LF is tolerated; the block ends at the
 * first empty line.
 *
 * <p>Threading: immutable after {@link #parse}; any thread may read. The value caches are written
 * racily with immutable Strings and records, like {@code String.hash}: harmless.
 */
final class HeaderBlock implements EventHeaders {

    /** Blocks shorter than this pack a line into one int (16-bit start, 16-bit name length). */
    static final int NARROW_LIMIT = 0xFFFF;
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long LF_WORD = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] bytes;
    /** Added to every start in the index: the block's first byte (narrow) or 0 (wide). */
    private final int base;
    private final int[] index;
    private final boolean wide;
    private final int count;
    private final boolean percentEncoded;
    private final int end;
    /**
     * The first value decoded, with its line: most events are read for one or two headers, so the
     * per-line cache (an array as long as the block, ~550 bytes for a channel event) is only
     * allocated at the second distinct read. An immutable record, so a racy publication is safe.
     */
    private FirstValue first;
    private String[] cache;

    private record FirstValue(int line, String value) {
    }

    HeaderBlock(byte[] bytes, int base, int[] index, boolean wide, int count, boolean percentEncoded, int end) {
        this.bytes = bytes;
        this.base = base;
        this.index = index;
        this.wide = wide;
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
        return new HeaderIndexer(bytes, from, to, false, baseOffset).run(percentEncoded);
    }

    /**
     * Like {@link #parse(byte[], int, int, boolean, long)}, but never fails: a line without a colon
     * continues the previous value (joined by its LF, as the Python original read multi-line
     * values) or, before the first header, is skipped. Used for serialised plain events, whose
     * values FreeSWITCH URL-encodes so such lines do not occur in practice; the outer framing
     * stays strict.
     */
    static HeaderBlock parseLenient(byte[] bytes, int from, int to) {
        return new HeaderIndexer(bytes, from, to, true, 0).run(true);
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
     * The same lines over a copy of the bytes that starts {@code shift} bytes later (this block
     * must not be used afterwards).
     */
    HeaderBlock moveTo(byte[] newBytes, int shift) {
        if (wide) {
            for (int i = 0; i <= count; i++) {
                index[i * 2] -= shift;
            }
        }
        return new HeaderBlock(newBytes, wide ? 0 : base - shift, index, wide, count, percentEncoded, end - shift);
    }

    /** The same lines, with values read as URL-encoded. */
    HeaderBlock asPercentEncoded() {
        return new HeaderBlock(bytes, base, index, wide, count, true, end);
    }

    /** Bytes held by the index (for memory accounting in benchmarks and tests). */
    int indexBytes() {
        return 16 + index.length * 4;
    }

    /** Where line {@code i} starts in the backing bytes; {@code lineStart(size())} is where the line after the last one starts. */
    int lineStart(int i) {
        return wide ? index[i * 2] : base + (index[i] >>> 16);
    }

    /** The length of line {@code i}'s name in bytes. */
    int nameLength(int i) {
        return wide ? index[i * 2 + 1] : index[i] & 0xFFFF;
    }

    /** Start of header {@code i}'s value in the backing bytes. */
    int valueStart(int i) {
        int vs = lineStart(i) + nameLength(i) + 1;
        int ve = valueEnd(i);
        while (vs < ve && (bytes[vs] == ' ' || bytes[vs] == '\t')) {
            vs++;
        }
        return vs;
    }

    private int valueEnd(int i) {
        int ve = lineStart(i + 1) - 1;
        int min = lineStart(i) + nameLength(i) + 1;
        if (ve > min && bytes[ve - 1] == '\r') {
            ve--;
        }
        return ve;
    }

    /** Length of header {@code i}'s value in bytes. */
    int valueLength(int i) {
        return valueEnd(i) - valueStart(i);
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public String name(int i) {
        return new String(bytes, lineStart(i), nameLength(i), StandardCharsets.ISO_8859_1);
    }

    @Override
    public String value(int i) {
        String[] c = cache;
        if (c != null) {
            String v = c[i];
            if (v == null) {
                v = decode(i);
                c[i] = v;
            }
            return v;
        }
        FirstValue f = first;
        if (f == null) {
            String v = decode(i);
            first = new FirstValue(i, v);
            return v;
        }
        if (f.line() == i) {
            return f.value();
        }
        c = new String[count];
        c[f.line()] = f.value();
        String v = decode(i);
        c[i] = v;
        cache = c;
        return v;
    }

    private String decode(int i) {
        int from = valueStart(i);
        int to = valueEnd(i);
        if (!percentEncoded) {
            return ValueDecoder.raw(bytes, from, to);
        }
        String v = ValueDecoder.percentDecoded(bytes, from, to);
        return v.equals("_undef_") ? "" : v;
    }

    @Override
    public int indexOf(String name) {
        return indexOf(name, -1);
    }

    @Override
    public int indexOf(String name, int after) {
        int len = name.length();
        for (int i = after + 1; i < count; i++) {
            if (nameLength(i) == len && nameEquals(lineStart(i), name, len, false)) {
                return i;
            }
        }
        return -1;
    }

    /** Like {@link #indexOf(String)} but ignoring ASCII case (framing headers). */
    int indexOfIgnoreCase(String name) {
        int len = name.length();
        for (int i = 0; i < count; i++) {
            if (nameLength(i) == len && nameEquals(lineStart(i), name, len, true)) {
                return i;
            }
        }
        return -1;
    }

    /** The last header with this name (ignoring case), or -1. */
    int lastIndexOfIgnoreCase(String name) {
        int len = name.length();
        for (int i = count - 1; i >= 0; i--) {
            if (nameLength(i) == len && nameEquals(lineStart(i), name, len, true)) {
                return i;
            }
        }
        return -1;
    }

    /** The raw (never percent-decoded) value bytes of header {@code i} as text. */
    String rawValue(int i) {
        return ValueDecoder.raw(bytes, valueStart(i), valueEnd(i));
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
