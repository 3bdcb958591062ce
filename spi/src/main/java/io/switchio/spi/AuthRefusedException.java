package io.switchio.spi;

/**
 * FreeSWITCH refused the connection: a wrong password ({@code -ERR invalid}) or an ACL rejection ({@code text/rude-rejection}).
 *
 * <p>Threading: immutable once thrown; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class AuthRefusedException extends SwitchioException {

    private static final long serialVersionUID = 1L;

    /** With a message naming the host and FreeSWITCH's words. */
    public AuthRefusedException(String message) {
        super(message);
    }
}
