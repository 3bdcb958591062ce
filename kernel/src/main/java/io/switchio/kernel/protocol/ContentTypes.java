package io.switchio.kernel.protocol;

/**
 * FreeSWITCH's {@code Content-Type} values, as they appear on the wire (esl-protocol §2.3).
 *
 * <p>Threading: constants only.
 */
public final class ContentTypes {

    /** Sent first on an inbound connection. */
    public static final String AUTH_REQUEST = "auth/request";
    /** Reply to every command except {@code api}. */
    public static final String COMMAND_REPLY = "command/reply";
    /** Reply to {@code api}. */
    public static final String API_RESPONSE = "api/response";
    /** An event in the plain format. */
    public static final String EVENT_PLAIN = "text/event-plain";
    /** An event in the JSON format. */
    public static final String EVENT_JSON = "text/event-json";
    /** An event in the XML format. */
    public static final String EVENT_XML = "text/event-xml";
    /** The server is about to close, or (linger) the controlled channel hung up. */
    public static final String DISCONNECT_NOTICE = "text/disconnect-notice";
    /** The peer failed the server's ACL. */
    public static final String RUDE_REJECTION = "text/rude-rejection";
    /** One log line, after {@code log <level>}. */
    public static final String LOG_DATA = "log/data";

    private ContentTypes() {
    }
}
