package io.switchio.kernel.protocol;

/**
 * The serialisation FreeSWITCH uses for events on one connection ({@code event plain|json|xml}).
 *
 * <p>Threading: immutable enum; any thread.
 */
public enum EventFormat {
    /** {@code text/event-plain}: URL-encoded {@code Name: value} lines, the default. */
    PLAIN("plain", ContentTypes.EVENT_PLAIN),
    /** {@code text/event-json}: one JSON object. */
    JSON("json", ContentTypes.EVENT_JSON),
    /** {@code text/event-xml}: an {@code <event>} document. */
    XML("xml", ContentTypes.EVENT_XML);

    private final String word;
    private final String contentType;

    EventFormat(String word, String contentType) {
        this.word = word;
        this.contentType = contentType;
    }

    /** The word on the command line: {@code plain}, {@code json} or {@code xml}. */
    public String word() {
        return word;
    }

    /** The {@code Content-Type} of events in this format. */
    public String contentType() {
        return contentType;
    }
}
