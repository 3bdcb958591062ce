package io.switchio.spi;

/**
 * The root of switchio's exceptions. Unchecked: call-control code reads like plain blocking code,
 * and each subclass names one cause an app may want to handle.
 *
 * <p>Threading: immutable once thrown; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class SwitchioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message that names the cause. */
    public SwitchioException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public SwitchioException(String message, Throwable cause) {
        super(message, cause);
    }
}
