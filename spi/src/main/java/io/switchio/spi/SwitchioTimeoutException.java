package io.switchio.spi;

/**
 * A command, job or wait did not finish in time.
 *
 * <p>Threading: immutable once thrown; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class SwitchioTimeoutException extends SwitchioException {

    private static final long serialVersionUID = 1L;

    /** With a message naming what timed out and after how long. */
    public SwitchioTimeoutException(String message) {
        super(message);
    }
}
