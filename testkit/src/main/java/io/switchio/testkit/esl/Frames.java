package io.switchio.testkit.esl;

import java.nio.charset.StandardCharsets;

/**
 * The exact bytes of every non-event server message (§3): replies, api responses, disconnect
 * notices, the rude rejection and log lines.
 *
 * <p>Threading: stateless, any thread.
 */
public final class Frames {
    /** The goodbye body (67 bytes). */
    public static final String GOODBYE = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";
    /** The shutdown body. */
    public static final String SHUTDOWN = "The system is being shut down.\n";
    /** The slow-consumer body. */
    public static final String LOST_EVENTS = "killed listener because of lost events\n";

    private Frames() {
    }

    /** {@code auth/request}. */
    public static byte[] authRequest() {
        return ascii("Content-Type: auth/request\n\n");
    }

    /** A {@code command/reply} with {@code Reply-Text} and optional extra header lines ({@code "Name: value\n"}). */
    public static byte[] reply(String text, String extraLines) {
        return utf8("Content-Type: command/reply\nReply-Text: " + text + "\n" + extraLines + "\n");
    }

    /** A plain {@code command/reply}. */
    public static byte[] reply(String text) {
        return reply(text, "");
    }

    /** An {@code api/response}; an empty body becomes {@code -ERR no reply\n}. */
    public static byte[] apiResponse(String body) {
        byte[] b = utf8(body == null || body.isEmpty() ? "-ERR no reply\n" : body);
        return concat(ascii("Content-Type: api/response\nContent-Length: " + b.length + "\n\n"), b);
    }

    /** A plain goodbye or shutdown notice. */
    public static byte[] disconnect(String body) {
        byte[] b = utf8(body);
        return concat(ascii("Content-Type: text/disconnect-notice\nContent-Length: " + b.length + "\n\n"), b);
    }

    /** The notice for a connection that controls a channel. */
    public static byte[] controlledDisconnect(String uuid) {
        byte[] b = utf8(GOODBYE);
        return concat(utf8("Content-Type: text/disconnect-notice\nControlled-Session-UUID: " + uuid
                + "\nContent-Disposition: disconnect\nContent-Length: " + b.length + "\n\n"), b);
    }

    /** The linger notice (empty body). */
    public static byte[] linger(String uuid, String channelName, int seconds) {
        return utf8("Content-Type: text/disconnect-notice\nControlled-Session-UUID: " + uuid
                + "\nContent-Disposition: linger\nChannel-Name: " + channelName + "\nLinger-Time: " + seconds
                + "\nContent-Length: 0\n\n");
    }

    /** {@code text/rude-rejection}. */
    public static byte[] rudeRejection() {
        return ascii("Content-Type: text/rude-rejection\nContent-Length: 24\n\nAccess Denied, go away.\n");
    }

    /** One {@code log/data} line. */
    public static byte[] log(int level, String uuid, String file, String func, int line, String text) {
        byte[] b = utf8(text);
        return concat(utf8("Content-Type: log/data\nContent-Length: " + b.length + "\nLog-Level: " + level
                + "\nText-Channel: 0\nLog-File: " + file + "\nLog-Func: " + func + "\nLog-Line: " + line
                + "\nUser-Data: " + (uuid == null ? "" : uuid) + "\n\n"), b);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
