package io.switchio.kernel.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts an ESL byte stream into {@link EslMessage frames}: a header block ended by an empty line,
 * then exactly {@code Content-Length} bytes of body (esl-protocol §2.1). Input may be split at any
 * byte; a frame is emitted as soon as its last byte arrives and never earlier. Nothing is decoded
 * as text while framing.
 *
 * <p>Errors: a {@code Content-Length} that is not a decimal number between 0 and 16 MiB, a header
 * line without a colon, or a header block larger than {@link #MAX_HEADER_BLOCK} throws
 * {@link EslProtocolException} naming the stream offset. The stream position is then unknown, so
 * the decoder stays failed: every later call throws the same error and the connection must be
 * closed. CR or LF bytes before a frame are skipped, as FreeSWITCH itself does.
 *
 * <p>Threading: not thread-safe; owned by one connection's reader thread.
 */
public final class FrameDecoder {

    /** Largest accepted {@code Content-Length}: 16 MiB, FreeSWITCH's own limit. */
    public static final int MAX_CONTENT_LENGTH = 16 * 1024 * 1024;
    /** Largest accepted header block (the outbound connect reply carries all channel variables). */
    public static final int MAX_HEADER_BLOCK = 8 * 1024 * 1024;

    private static final int INITIAL = 64 * 1024;

    private byte[] buf = new byte[INITIAL];
    private int start;
    private int end;
    private long startOffset;
    private int scan;
    private int headerEnd = -1;
    private int bodyLength;
    private HeaderBlock headers;
    private EslProtocolException failure;

    /**
     * Adds bytes and emits every frame they complete, in order.
     *
     * @return the number of frames emitted
     * @throws EslProtocolException when the stream is malformed (then and on every later call)
     */
    public int decode(ByteBuffer in, Consumer<? super EslMessage> out) {
        checkHealthy();
        int n = in.remaining();
        ensureRoom(n);
        in.get(buf, end, n);
        end += n;
        return drain(out);
    }

    /** Like {@link #decode(ByteBuffer, Consumer)} for a byte array slice. */
    public int decode(byte[] b, int off, int len, Consumer<? super EslMessage> out) {
        checkHealthy();
        ensureRoom(len);
        System.arraycopy(b, off, buf, end, len);
        end += len;
        return drain(out);
    }

    /**
     * Reads once from a blocking stream straight into the decoder's buffer (no intermediate copy)
     * and emits the frames completed.
     *
     * @return the number of bytes read, or -1 at end of stream
     */
    public int readFrom(InputStream in, Consumer<? super EslMessage> out) throws IOException {
        checkHealthy();
        ensureRoom(headerEnd >= 0 ? Math.min(headerEnd + bodyLength - end, INITIAL) : 8192);
        int n = in.read(buf, end, buf.length - end);
        if (n > 0) {
            end += n;
            drain(out);
        }
        return n;
    }

    /** Bytes received but not yet part of an emitted frame (a partial frame). */
    public int pendingBytes() {
        return end - start;
    }

    /** Stream offset of the next byte to be framed. */
    public long offset() {
        return startOffset;
    }

    private int drain(Consumer<? super EslMessage> out) {
        int emitted = 0;
        while (true) {
            if (headerEnd < 0 && !findHeaderEnd()) {
                return emitted;
            }
            int frameEnd = headerEnd + bodyLength;
            if (end < frameEnd) {
                return emitted;
            }
            byte[] frame = Arrays.copyOfRange(buf, start, frameEnd);
            HeaderBlock h = headers.moveTo(frame, start);
            EslMessage m = new EslMessage(frame, h, headerEnd - start, bodyLength, startOffset);
            startOffset += frameEnd - start;
            start = frameEnd;
            scan = start;
            headerEnd = -1;
            headers = null;
            if (start == end) {
                start = 0;
                end = 0;
                scan = 0;
                if (buf.length > 4 * INITIAL) {
                    buf = new byte[INITIAL];
                }
            }
            emitted++;
            out.accept(m);
        }
    }

    private boolean findHeaderEnd() {
        while (scan == start && start < end && (buf[start] == '\n' || buf[start] == '\r')) {
            start++;
            scan++;
            startOffset++;
        }
        byte[] b = buf;
        for (int i = scan; i < end; i++) {
            if (b[i] == '\n' && i > start && (b[i - 1] == '\n' || (b[i - 1] == '\r' && i - 1 > start && b[i - 2] == '\n'))) {
                headerBlockComplete(i + 1);
                return true;
            }
        }
        scan = end;
        if (end - start > MAX_HEADER_BLOCK) {
            throw fail(startOffset, "header block longer than " + MAX_HEADER_BLOCK + " bytes without an empty line");
        }
        return false;
    }

    private void headerBlockComplete(int afterEmptyLine) {
        HeaderBlock h;
        try {
            h = HeaderBlock.parse(buf, start, afterEmptyLine, false, startOffset - start);
        } catch (EslProtocolException e) {
            throw fail(e.offset(), e.reason());
        }
        int length = 0;
        int i = h.indexOfIgnoreCase("Content-Length");
        if (i >= 0) {
            length = parseLength(h, i);
        }
        headers = h;
        headerEnd = afterEmptyLine;
        bodyLength = length;
        ensureRoom(headerEnd + length - end);
    }

    private int parseLength(HeaderBlock h, int i) {
        int from = h.valueStart(i);
        int len = h.valueLength(i);
        String text = h.rawValue(i);
        long offset = startOffset - start + from;
        if (len == 0) {
            throw fail(offset, "Content-Length is empty");
        }
        if (buf[from] == '-') {
            throw fail(offset, "Content-Length '" + text + "' is negative");
        }
        long v = 0;
        for (int k = 0; k < len; k++) {
            int d = buf[from + k] - '0';
            if (d < 0 || d > 9) {
                throw fail(offset, "Content-Length '" + text + "' is not a decimal number");
            }
            v = v * 10 + d;
            if (v > MAX_CONTENT_LENGTH) {
                throw fail(offset, "Content-Length '" + text + "' exceeds the 16 MiB limit");
            }
        }
        return (int) v;
    }

    /** Makes room for at least {@code more} bytes after {@code end}, compacting or growing. */
    private void ensureRoom(int more) {
        if (more <= buf.length - end) {
            return;
        }
        int live = end - start;
        int needed = live + Math.max(more, 0);
        byte[] target = needed <= buf.length ? buf : new byte[Math.max(needed, Math.min(buf.length * 2, MAX_CONTENT_LENGTH + MAX_HEADER_BLOCK))];
        if (target.length < needed) {
            target = new byte[needed];
        }
        System.arraycopy(buf, start, target, 0, live);
        scan -= start;
        if (headerEnd >= 0) {
            headerEnd -= start;
            headers = headers.moveTo(target, start);
        }
        buf = target;
        end = live;
        start = 0;
    }

    private void checkHealthy() {
        if (failure != null) {
            throw failure;
        }
    }

    private EslProtocolException fail(long offset, String reason) {
        failure = new EslProtocolException(offset, reason);
        return failure;
    }
}
