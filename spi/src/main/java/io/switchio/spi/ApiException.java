package io.switchio.spi;

/**
 * FreeSWITCH answered a command with an error ({@code -ERR ...}); {@link #reply()} keeps its text.
 *
 * <p>Threading: immutable once thrown; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class ApiException extends SwitchioException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final String reply;

    /**
     * @param command the command that failed, as sent (without credentials)
     * @param reply FreeSWITCH's reply text, e.g. {@code -ERR No such channel!}
     */
    public ApiException(String command, String reply) {
        super("'" + command + "' failed: " + reply.strip());
        this.command = command;
        this.reply = reply;
    }

    /** The command as sent. */
    public String command() {
        return command;
    }

    /** FreeSWITCH's reply text, unchanged. */
    public String reply() {
        return reply;
    }

    /** The reason after {@code -ERR }, trimmed, e.g. {@code USER_BUSY}. */
    public String reason() {
        String r = reply.strip();
        return r.startsWith("-ERR") ? r.substring(4).strip() : r;
    }
}
