package io.switchio.kernel.protocol;

import io.switchio.spi.SwitchioException;

/**
 * The bytes FreeSWITCH sent do not follow the ESL framing: names the stream offset and what was
 * wrong, e.g. {@code "offset 1234: Content-Length 'abc' is not a number"}.
 *
 * <p>A framing error (bad {@code Content-Length}, header line without a colon) leaves the stream
 * position unknown, so the connection is closed with this error; an error inside a correctly
 * framed event (bad JSON, bad XML) affects only that frame.
 *
 * <p>Threading: immutable once thrown; any thread.
 */
public final class EslProtocolException extends SwitchioException {

    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;

    /**
     * @param offset the byte offset in the connection's stream (or in the frame, where stated)
     * @param reason what was wrong, in plain words
     */
    public EslProtocolException(long offset, String reason) {
        super("ESL protocol error at offset " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** The byte offset where the problem was found. */
    public long offset() {
        return offset;
    }

    /** What was wrong, without the offset. */
    public String reason() {
        return reason;
    }
}
