package io.switchio.spi;

/**
 * The session was destroyed while app code waited on it (in {@link Session#recv} and friends).
 *
 * <p>Threading: immutable once thrown; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class SessionEndedException extends SwitchioException {

    private static final long serialVersionUID = 1L;

    private final String sessionUuid;

    /**
     * @param sessionUuid the uuid of the ended session
     * @param message what was being waited for
     */
    public SessionEndedException(String sessionUuid, String message) {
        super(message);
        this.sessionUuid = sessionUuid;
    }

    /** The uuid of the session that ended. */
    public String sessionUuid() {
        return sessionUuid;
    }
}
