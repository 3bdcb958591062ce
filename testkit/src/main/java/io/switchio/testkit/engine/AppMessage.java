package io.switchio.testkit.engine;

import java.util.List;

/**
 * A queued {@code execute} for a channel: from {@code sendmsg}, {@code uuid_broadcast} or the
 * simulator itself (the {@code &app()} of an originate, the park extension).
 *
 * <p>Threading: immutable value.
 *
 * @param app application name
 * @param arg argument string (may be empty)
 * @param eventUuid {@code Application-UUID} to echo (generated when the client gave none)
 * @param eventUuidName {@code Application-UUID-Name} or null
 * @param loops repeat count ({@code loops} header, default 1, negative = forever)
 * @param eventLock {@code event-lock: true}
 * @param origin where it came from, which decides the trailing PRIVATE_COMMAND/COMMAND event
 * @param headers the message headers for the PRIVATE_COMMAND echo, as name/value pairs
 * @param command for {@code uuid_broadcast}: the COMMAND event begun (and numbered) when it was
 *        queued, which the PRIVATE_COMMAND echo completes; null otherwise
 */
public record AppMessage(String app, String arg, String eventUuid, String eventUuidName, int loops,
                         boolean eventLock, Origin origin, List<String[]> headers, SimEvent command) {
    /** Who queued the message. */
    public enum Origin {
        /** A client's {@code sendmsg} (PRIVATE_COMMAND echo). */
        SENDMSG,
        /** {@code uuid_broadcast} (COMMAND event). */
        BROADCAST,
        /** The simulator itself (no echo). */
        INTERNAL
    }

    /** A message without a pre-built COMMAND event. */
    public AppMessage(String app, String arg, String eventUuid, String eventUuidName, int loops,
                      boolean eventLock, Origin origin, List<String[]> headers) {
        this(app, arg, eventUuid, eventUuidName, loops, eventLock, origin, headers, null);
    }

    /** The value of a message header (case-insensitive name), or null. */
    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    /** An internal execute (no echo event). */
    public static AppMessage internal(String app, String arg, String eventUuid) {
        return new AppMessage(app, arg == null ? "" : arg, eventUuid, null, 1, false, Origin.INTERNAL, List.of());
    }
}
