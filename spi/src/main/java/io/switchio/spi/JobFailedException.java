package io.switchio.spi;

/**
 * A background job reported {@code -ERR <reason>} in its {@code BACKGROUND_JOB} event.
 *
 * <p>Threading: immutable once thrown; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class JobFailedException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final String jobUuid;

    /**
     * @param jobUuid the job's uuid
     * @param command the command the job ran
     * @param reply the job's result text, e.g. {@code -ERR USER_BUSY}
     */
    public JobFailedException(String jobUuid, String command, String reply) {
        super(command, reply);
        this.jobUuid = jobUuid;
    }

    /** The failed job's uuid. */
    public String jobUuid() {
        return jobUuid;
    }
}
