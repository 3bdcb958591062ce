package io.switchio.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A background API job ({@code bgapi}): FreeSWITCH runs the command in its own thread and reports
 * the result later in a {@code BACKGROUND_JOB} event with the same {@code Job-UUID}.
 *
 * <p>The uuid is chosen by switchio before the command is sent, so it is known at once and the
 * result can never arrive "too early".
 *
 * <p>Threading: completed by the host's dispatcher; any thread may read or wait on it.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Job {

    /** The job's {@code Job-UUID}. */
    String uuid();

    /** The command the job runs, e.g. {@code originate {...}sofia/... &park()}. */
    String command();

    /**
     * The uuid of the session this job creates ({@code origination_uuid} of an originate), when
     * known.
     */
    Optional<String> sessionUuid();

    /** When switchio sent the {@code bgapi}, local clock. */
    Instant launchedAt();

    /**
     * Waits for the result.
     *
     * @param timeout how long to wait at most
     * @return the result text FreeSWITCH reported after {@code +OK }, trimmed (for originate, the
     *     new channel's uuid)
     * @throws JobFailedException when FreeSWITCH reported {@code -ERR <reason>}
     * @throws SwitchioTimeoutException when no result arrived in time (the job stays pending)
     * @throws ConnectionLostException when the connection dropped before the result arrived
     */
    String result(Duration timeout);

    /** True once the job succeeded or failed. */
    boolean isDone();

    /** True once the job succeeded. */
    boolean isSuccessful();

    /** The failure, once the job failed. */
    Optional<SwitchioException> failure();

    /** A stage completed with the result text, or exceptionally with the failure. */
    CompletionStage<String> completion();
}
