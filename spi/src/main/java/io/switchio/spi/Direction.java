package io.switchio.spi;

/**
 * Which way a leg points, from FreeSWITCH's {@code Call-Direction} header.
 *
 * <p>Threading: an enum; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum Direction {
    /** A leg that reached FreeSWITCH from outside (e.g. a SIP INVITE it received). */
    INBOUND,
    /** A leg that FreeSWITCH created (originate, bridge). */
    OUTBOUND;

    /**
     * Maps a {@code Call-Direction} value.
     *
     * @param header the header value, {@code inbound} or {@code outbound} (any case)
     * @return the direction, or {@code null} when the value is neither
     */
    public static Direction fromHeader(String header) {
        if (header == null) {
            return null;
        }
        return switch (header.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "inbound" -> INBOUND;
            case "outbound" -> OUTBOUND;
            default -> null;
        };
    }
}
