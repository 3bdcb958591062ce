package io.switchio.kernel.protocol;

import io.switchio.spi.Event;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One FreeSWITCH event read from a {@code text/event-plain|json|xml} frame (or from the outbound
 * {@code connect} reply, a {@code CHANNEL_DATA} event). Plain events are indexed, not decoded:
 * each header value is URL-decoded the first time it is read.
 *
 * <p>Plain events are indexed in {@link #of}, i.e. on the connection's reader thread: the compact
 * line index ({@link HeaderBlock}, about 600 bytes and 1.4 us for a 137-line channel event) is
 * built while the host dispatcher routes the previous events, so reading and routing overlap on
 * two cores. Values are still decoded only when read.
 *
 * <p>{@link #name()} is {@code Event-Name}, or {@code Event-Subclass} for a {@code CUSTOM} event
 * that has one. Array values ({@code ARRAY::a|:b}, JSON arrays, repeated XML elements) read as
 * the {@code ARRAY::} string through {@link #header} and as elements through
 * {@link #headerValues}; a repeated header yields every value in wire order.
 *
 * <p>Threading: immutable (lazy caches are benign races on immutable Strings); any thread.
 */
public final class EslEvent implements Event {

    private static final String ARRAY_PREFIX = "ARRAY::";

    private final EslMessage message;
    private final byte[] bodyBytes;
    private final int bodyStart;
    private final int bodyLength;
    private final EventHeaders headers;
    private String body;
    private String name;

    EslEvent(EslMessage message, EventHeaders headers, byte[] bodyBytes, int bodyStart, int bodyLength, String body) {
        this.message = message;
        this.headers = headers;
        this.bodyBytes = bodyBytes;
        this.bodyStart = bodyStart;
        this.bodyLength = bodyLength;
        this.body = body;
    }

    private EventHeaders h() {
        return headers;
    }

    /**
     * Reads the event carried by a frame: a plain event's lines are indexed (values stay
     * undecoded until read); JSON and XML events are parsed.
     *
     * @throws EslProtocolException when the frame is not an event, or a JSON/XML event is
     *     malformed (offset in the connection's stream)
     */
    public static EslEvent of(EslMessage message) {
        String type = message.contentType();
        byte[] b = message.bytes();
        int from = message.bodyStart();
        int to = from + message.bodyLength();
        switch (type) {
            case ContentTypes.EVENT_PLAIN:
                return new EslEvent(message, HeaderBlock.parseLenient(b, from, to), b, -1, -1, null);
            case ContentTypes.EVENT_JSON:
                return JsonEventParser.parse(message, b, from, to);
            case ContentTypes.EVENT_XML:
                return XmlEventParser.parse(message, b, from, to);
            default:
                if (message.isChannelData()) {
                    return new EslEvent(message, message.headerBlock(), b, to, 0, "");
                }
                throw new EslProtocolException(message.streamOffset(), "not an event: Content-Type '" + type + "'");
        }
    }

    @Override
    public String name() {
        String n = name;
        if (n == null) {
            n = header("Event-Name");
            if (n == null) {
                n = "";
            } else if (n.equals("CUSTOM")) {
                String sub = header("Event-Subclass");
                if (sub != null && !sub.isEmpty()) {
                    n = sub;
                }
            }
            name = n;
        }
        return n;
    }

    /** {@code Event-Sequence}, FreeSWITCH's process-wide event counter, or -1 when absent or malformed. */
    public long sequence() {
        String s = header("Event-Sequence");
        if (s == null || s.isEmpty()) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9' || i > 18) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The frame this event came in. */
    public EslMessage message() {
        return message;
    }

    @Override
    public String header(String name) {
        int i = h().indexOf(name);
        return i < 0 ? null : h().value(i);
    }

    @Override
    public List<String> headerValues(String name) {
        int i = h().indexOf(name);
        if (i < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        for (; i >= 0; i = h().indexOf(name, i)) {
            String v = h().value(i);
            if (v.startsWith(ARRAY_PREFIX)) {
                splitArray(v, out);
            } else {
                out.add(v);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static void splitArray(String v, List<String> out) {
        int p = ARRAY_PREFIX.length();
        while (true) {
            int sep = v.indexOf("|:", p);
            if (sep < 0) {
                out.add(v.substring(p));
                return;
            }
            out.add(v.substring(p, sep));
            p = sep + 2;
        }
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < h().size(); i++) {
            out.putIfAbsent(h().name(i), h().value(i));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Number of header lines (repeated names count once per line). */
    public int headerCount() {
        return h().size();
    }

    @Override
    public String body() {
        String b = body;
        if (b == null) {
            int start = bodyStart >= 0 ? bodyStart : ((HeaderBlock) h()).end();
            int length = bodyStart >= 0 ? bodyLength : message.bodyStart() + message.bodyLength() - start;
            b = length == 0 ? "" : new String(bodyBytes, start, length, StandardCharsets.UTF_8);
            body = b;
        }
        return b;
    }

    /** Body length in bytes. */
    public int bodyLength() {
        if (bodyBytes == null) {
            return body().getBytes(StandardCharsets.UTF_8).length;
        }
        return bodyStart >= 0 ? bodyLength : message.bodyStart() + message.bodyLength() - ((HeaderBlock) h()).end();
    }

    @Override
    public String contentType() {
        return message.contentType();
    }

    @Override
    public Optional<Instant> timestamp() {
        String s = header("Event-Date-Timestamp");
        if (s == null) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(s);
            return Optional.of(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "EslEvent[" + name() + ", seq " + sequence() + ", " + h().size() + " headers]";
    }
}
