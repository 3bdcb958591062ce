package io.switchio.spi;

/**
 * An app could not be loaded: the message names the app and why.
 *
 * <p>Threading: immutable once thrown; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class AppLoadException extends SwitchioException {

    private static final long serialVersionUID = 1L;

    /** With a message naming the app and the reason. */
    public AppLoadException(String message) {
        super(message);
    }

    /** With a message and the underlying cause (e.g. what setup threw). */
    public AppLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
