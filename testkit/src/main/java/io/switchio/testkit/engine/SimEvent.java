package io.switchio.testkit.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;

/**
 * One event as FreeSWITCH fires it: an ordered list of headers (duplicates allowed; a value of the
 * form {@code ARRAY::a|:b} is an array header) and an optional body. The wire frame of each format
 * is built at most once and shared by every connection that receives the event.
 *
 * <p>Threading: built by one thread, then frozen when fired; after that any thread may read it and
 * call {@link #frame(EventFormat)} (the per-format cache is a benign race).
 */
public final class SimEvent {
    private final String eventName;
    private final ArrayList<String> headers = new ArrayList<>(64);
    /** Pre-encoded plain lines by header index (null entries: encode when serialising). */
    private ArrayList<byte[]> plainLines;
    private String body;
    private int sequenceSlot = -1;
    private int firstSequenceSlot = -1;
    private long sequence;
    private long firstSequenceFixed = -1;
    private final byte[][] frames = new byte[3][];

    /** An event with no headers yet; {@link EventBus#create} adds the standard ones. */
    public SimEvent(String eventName) {
        this.eventName = eventName;
    }

    /** The {@code Event-Name}. */
    public String eventName() {
        return eventName;
    }

    /** Appends a header (empty or null values are skipped, as FreeSWITCH refuses them). */
    public SimEvent add(String name, String value) {
        if (value != null && !value.isEmpty()) {
            headers.add(name);
            headers.add(value);
        }
        return this;
    }

    /** Appends a header whose plain line ({@code Name: encoded\n}) is already known (channel variables). */
    public SimEvent addEncoded(String name, String value, byte[] plainLine) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        if (plainLines == null) {
            plainLines = new ArrayList<>(headers.size() / 2 + 64);
        }
        while (plainLines.size() < headers.size() / 2) {
            plainLines.add(null);
        }
        plainLines.add(plainLine);
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** The pre-encoded plain line of header {@code i}, or null. */
    byte[] plainLine(int i) {
        return plainLines != null && i < plainLines.size() ? plainLines.get(i) : null;
    }

    /** Appends a header even when its value is empty (written as {@code _undef_}). */
    public SimEvent addRaw(String name, String value) {
        headers.add(name);
        headers.add(value == null ? "" : value);
        return this;
    }

    /** Inserts a header at the front (CUSTOM events put {@code Event-Subclass} first). */
    public SimEvent addFirst(String name, String value) {
        headers.add(0, value);
        headers.add(0, name);
        if (plainLines != null) {
            plainLines.add(0, null);
        }
        if (sequenceSlot >= 0) {
            sequenceSlot += 2;
        }
        if (firstSequenceSlot >= 0) {
            firstSequenceSlot += 2;
        }
        return this;
    }

    void markSequenceSlot() {
        if (sequenceSlot >= 0 && firstSequenceSlot < 0) {
            firstSequenceSlot = sequenceSlot;
        }
        sequenceSlot = headers.size();
        headers.add("Event-Sequence");
        headers.add("0");
    }

    void assignSequence(long seq) {
        this.sequence = seq;
        if (sequenceSlot >= 0) {
            headers.set(sequenceSlot + 1, Long.toString(seq));
        }
        if (firstSequenceSlot >= 0) {
            headers.set(firstSequenceSlot + 1, Long.toString(firstSequenceFixed >= 0 ? firstSequenceFixed : seq));
        }
    }

    /**
     * Gives this event's first standard block the {@code Event-Sequence} it got when it was created
     * (see {@link EventBus#reserveSequence}); the block appended later gets the one of its firing.
     */
    public void fixFirstSequence(long seq) {
        if (sequenceSlot >= 0) {
            headers.set(sequenceSlot + 1, Long.toString(seq));
        }
        this.firstSequenceFixed = seq;
    }

    /** The {@code Event-Sequence} assigned when it was fired (0 before). */
    public long sequence() {
        return sequence;
    }

    /** Sets the body (null for none). */
    public SimEvent body(String text) {
        this.body = text;
        return this;
    }

    /** The body, or null. */
    public String body() {
        return body;
    }

    /** Number of header entries. */
    public int size() {
        return headers.size() / 2;
    }

    /** Name of header {@code i}. */
    public String name(int i) {
        return headers.get(2 * i);
    }

    /** Raw value of header {@code i}. */
    public String value(int i) {
        return headers.get(2 * i + 1);
    }

    /** First value of a header, compared case-insensitively as FreeSWITCH does; null when absent. */
    public String get(String name) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                return headers.get(i + 1);
            }
        }
        return null;
    }

    /** The complete wire frame ({@code Content-Length}, {@code Content-Type}, blank line, body) in a format. */
    public byte[] frame(EventFormat format) {
        byte[] f = frames[format.ordinal()];
        if (f == null) {
            byte[] inner = switch (format) {
                case PLAIN -> EventCodec.plain(this);
                case JSON -> EventCodec.json(this);
                case XML -> EventCodec.xml(this);
            };
            byte[] head = ("Content-Length: " + inner.length + "\nContent-Type: " + format.contentType() + "\n\n")
                    .getBytes(StandardCharsets.US_ASCII);
            f = new byte[head.length + inner.length];
            System.arraycopy(head, 0, f, 0, head.length);
            System.arraycopy(inner, 0, f, head.length, inner.length);
            frames[format.ordinal()] = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return eventName.toUpperCase(Locale.ROOT) + "#" + sequence;
    }
}
