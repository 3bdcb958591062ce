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
 * <p>Where the work runs: {@link #of}, on the connection's reader thread, only finds the routing
 * headers of a plain event ({@code Event-Name}, {@code Unique-ID}, {@code Event-Sequence}, see
 * {@link RoutingHeaders}), so the dispatcher routes without indexing. The compact line index
 * ({@link HeaderBlock}, about 600 bytes and 1 us for a 137-line channel event) is built on the
 * first read of any other header, usually by the session's own thread, so on two cores the
 * reader, the dispatcher and the session threads share the work. An event nobody reads beyond its
 * name (e.g. one kept in a parked session's history) never gets an index. Values are decoded only
 * when read.
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
    private EventHeaders headers;
    private final String uniqueId;
    private final String sequence;
    private String body;
    private String name;

    EslEvent(EslMessage message, EventHeaders headers, byte[] bodyBytes, int bodyStart, int bodyLength, String body) {
        this(message, headers, bodyBytes, bodyStart, bodyLength, body, null, null, null);
    }

    private EslEvent(EslMessage message, EventHeaders headers, byte[] bodyBytes, int bodyStart, int bodyLength, String body,
            String uniqueId, String sequence, String eventName) {
        this.message = message;
        this.uniqueId = uniqueId;
        this.sequence = sequence;
        this.name = eventName == null || eventName.equals("CUSTOM") ? null : eventName;
        this.headers = headers;
        this.bodyBytes = bodyBytes;
        this.bodyStart = bodyStart;
        this.bodyLength = bodyLength;
        this.body = body;
    }

    EslEvent(EslMessage message, EventHeaders headers, byte[] bodyBytes, int bodyStart, int bodyLength, String body,
            RoutingHeaders routing) {
        this(message, headers, bodyBytes, bodyStart, bodyLength, body, routing == null ? null : routing.uniqueId,
                routing == null ? null : routing.sequence, routing == null ? null : routing.eventName);
    }

    /**
     * The header index, built on first use for plain events. A racy but safe lazy init: the
     * HeaderBlock's fields are final, so any thread that sees the reference sees it complete, and
     * two threads racing merely build it twice.
     */
    private EventHeaders h() {
        EventHeaders x = headers;
        if (x == null) {
            x = HeaderBlock.parseLenient(bodyBytes, message.bodyStart(), message.bodyStart() + message.bodyLength());
            headers = x;
        }
        return x;
    }

    /** True for a {@code text/event-plain} event read from the wire. */
    boolean isPlain() {
        return ContentTypes.EVENT_PLAIN.equals(message.contentType());
    }

    /** The header index of a {@code text/event-plain} event (built now if need be), else {@code null}. */
    HeaderBlock plainHeaders() {
        return ContentTypes.EVENT_PLAIN.equals(message.contentType()) ? (HeaderBlock) h() : null;
    }

    /**
     * Reads the event carried by a frame: a plain event is wrapped and its routing headers found
     * (its full index waits for the first other header read); JSON and XML events are parsed.
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
                return new EslEvent(message, null, b, -1, -1, null, RoutingHeaders.scan(b, from, to));
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
        String s = sequence != null ? sequence : header("Event-Sequence");
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

    @Override
    public String uniqueId() {
        return uniqueId != null ? uniqueId : header("Unique-ID");
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
