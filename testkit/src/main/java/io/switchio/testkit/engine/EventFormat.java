package io.switchio.testkit.engine;

/**
 * The three event serialisations of mod_event_socket, with their {@code Content-Type}.
 *
 * <p>Threading: immutable, any thread.
 */
public enum EventFormat {
    /** {@code text/event-plain}: URL-encoded header lines. */
    PLAIN("text/event-plain"),
    /** {@code text/event-json}: one JSON object. */
    JSON("text/event-json"),
    /** {@code text/event-xml}: pretty-printed XML. */
    XML("text/event-xml");

    private final String contentType;

    EventFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The outer {@code Content-Type} of an event frame in this format. */
    public String contentType() {
        return contentType;
    }

    /** Parses {@code plain}, {@code json} or {@code xml} (case-insensitive); null when it is none of them. */
    public static EventFormat parse(String token) {
        return switch (token.toLowerCase(java.util.Locale.ROOT)) {
            case "plain" -> PLAIN;
            case "json" -> JSON;
            case "xml" -> XML;
            default -> null;
        };
    }
}
