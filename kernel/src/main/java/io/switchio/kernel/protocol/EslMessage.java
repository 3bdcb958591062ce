package io.switchio.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One frame as FreeSWITCH sent it: the outer header block and the body of {@code Content-Length}
 * bytes. Outer header values are raw text (esl-protocol §2.1), except in the outbound
 * {@code connect} reply, a {@code command/reply} carrying a URL-encoded {@code CHANNEL_DATA}
 * event, which this class recognises by its {@code Event-Name} header and decodes accordingly.
 *
 * <p>The frame owns its bytes (one array: header block then body); nothing is decoded until
 * asked. Events ({@code text/event-*}) are read through {@link EslEvent#of(EslMessage)}.
 *
 * <p>Threading: immutable; any thread may read.
 */
public final class EslMessage {

    private final byte[] bytes;
    private final HeaderBlock headers;
    private final int bodyStart;
    private final int bodyLength;
    private final long streamOffset;
    private final String contentType;

    EslMessage(byte[] bytes, HeaderBlock headers, int bodyStart, int bodyLength, long streamOffset) {
        String type = typeOf(headers);
        boolean channelData = ContentTypes.COMMAND_REPLY.equals(type) && headers.indexOf("Event-Name") >= 0;
        this.bytes = bytes;
        this.headers = channelData ? headers.asPercentEncoded() : headers;
        this.bodyStart = bodyStart;
        this.bodyLength = bodyLength;
        this.streamOffset = streamOffset;
        this.contentType = type;
    }

    /**
     * Builds a message from a complete frame (header block, empty line, body), e.g. for tests
     * and simulators. The frame must be exactly one message.
     *
     * @throws EslProtocolException when the bytes are not exactly one frame
     */
    public static EslMessage parse(byte[] frame) {
        List<EslMessage> out = new ArrayList<>(1);
        FrameDecoder decoder = new FrameDecoder();
        decoder.decode(java.nio.ByteBuffer.wrap(frame), out::add);
        if (out.size() != 1 || decoder.pendingBytes() != 0) {
            throw new EslProtocolException(0, "expected exactly one frame, got " + out.size()
                    + " and " + decoder.pendingBytes() + " trailing bytes");
        }
        return out.get(0);
    }

    private static String typeOf(HeaderBlock h) {
        int i = h.indexOfIgnoreCase("Content-Type");
        return i < 0 ? "" : h.rawValue(i);
    }

    /** The {@code Content-Type}, e.g. {@code command/reply}; empty when the frame has none. */
    public String contentType() {
        return contentType;
    }

    /** The value of an outer header, or {@code null}. Exact name match. */
    public String header(String name) {
        int i = headers.indexOf(name);
        return i < 0 ? null : headers.value(i);
    }

    /** Every value of an outer header, in wire order. */
    public List<String> headerValues(String name) {
        List<String> out = new ArrayList<>(2);
        for (int i = headers.indexOf(name); i >= 0; i = headers.indexOf(name, i)) {
            out.add(headers.value(i));
        }
        return out;
    }

    /** Every outer header, decoded, in wire order; the first value wins for repeated names. */
    public Map<String, String> headers() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            out.putIfAbsent(headers.name(i), headers.value(i));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Number of outer header lines. */
    public int headerCount() {
        return headers.size();
    }

    /** Body length in bytes (0 when there is none). */
    public int bodyLength() {
        return bodyLength;
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return Arrays.copyOfRange(bytes, bodyStart, bodyStart + bodyLength);
    }

    /** The body read as UTF-8 (leniently); empty when there is none. */
    public String bodyText() {
        return bodyLength == 0 ? "" : new String(bytes, bodyStart, bodyLength, StandardCharsets.UTF_8);
    }

    /** Where this frame started in the connection's byte stream. */
    public long streamOffset() {
        return streamOffset;
    }

    /** True for {@code command/reply} and {@code api/response}: the frames matched FIFO to commands. */
    public boolean isReply() {
        return ContentTypes.COMMAND_REPLY.equals(contentType) || ContentTypes.API_RESPONSE.equals(contentType);
    }

    /** True for {@code text/event-plain|json|xml}. */
    public boolean isEvent() {
        return contentType.startsWith("text/event-");
    }

    /** True for the outbound {@code connect} reply, whose headers are a {@code CHANNEL_DATA} event. */
    public boolean isChannelData() {
        return ContentTypes.COMMAND_REPLY.equals(contentType) && headers.indexOf("Event-Name") >= 0;
    }

    /**
     * What the server answered: {@code Reply-Text} of a {@code command/reply}, the body of an
     * {@code api/response}; empty for other frames.
     */
    public String replyText() {
        if (ContentTypes.API_RESPONSE.equals(contentType)) {
            return bodyText();
        }
        String text = header("Reply-Text");
        return text == null ? "" : text;
    }

    /** True when {@link #replyText()} starts with {@code -ERR} or {@code -USAGE}. */
    public boolean isError() {
        String text = replyText();
        return text.startsWith("-ERR") || text.startsWith("-USAGE");
    }

    byte[] bytes() {
        return bytes;
    }

    int bodyStart() {
        return bodyStart;
    }

    HeaderBlock headerBlock() {
        return headers;
    }

    @Override
    public String toString() {
        return "EslMessage[" + contentType + ", " + headers.size() + " headers, " + bodyLength + " body bytes]";
    }
}
