package io.switchio.spi;

/**
 * The ESL connection to a host is down or dropped while a command or job was pending.
 *
 * <p>Threading: immutable once thrown; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class ConnectionLostException extends SwitchioException {

    private static final long serialVersionUID = 1L;

    /** With a message naming the host. */
    public ConnectionLostException(String message) {
        super(message);
    }

    /** With a message and the I/O cause. */
    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
