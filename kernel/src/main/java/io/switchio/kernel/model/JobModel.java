package io.switchio.kernel.model;

import io.switchio.spi.ConnectionLostException;
import io.switchio.spi.Job;
import io.switchio.spi.JobFailedException;
import io.switchio.spi.SwitchioException;
import io.switchio.spi.SwitchioTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A background job: completed from its {@code BACKGROUND_JOB} event ({@code +OK ...} or
 * {@code -ERR ...}), or failed when the connection drops first.
 *
 * <p>Threading: completed by the host dispatcher (or the connection's thread on a send failure);
 * any thread reads or waits.
 */
public final class JobModel implements Job {

    private final String uuid;
    private final String command;
    private final String sessionUuid;
    private final Instant launchedAt = Instant.now();
    private final CompletableFuture<String> result = new CompletableFuture<>();

    /**
     * @param uuid the Job-UUID chosen before sending
     * @param command the command the job runs
     * @param sessionUuid the uuid of the session it creates, or {@code null}
     */
    public JobModel(String uuid, String command, String sessionUuid) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.command = Objects.requireNonNull(command, "command");
        this.sessionUuid = sessionUuid;
    }

    /**
     * Completes the job from FreeSWITCH's result text.
     *
     * @return the failure reason when the body was {@code -ERR ...}, else {@code null}
     */
    public String complete(String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("-ERR") || text.startsWith("-USAGE")) {
            JobFailedException failure = new JobFailedException(uuid, command, text);
            result.completeExceptionally(failure);
            return failure.reason().isEmpty() ? "UNKNOWN" : failure.reason();
        }
        result.complete(text.startsWith("+OK") ? text.substring(3).strip() : text);
        return null;
    }

    /** Fails the job with a cause (e.g. the connection dropped, or the bgapi was refused). */
    public void fail(SwitchioException cause) {
        result.completeExceptionally(cause);
    }

    @Override
    public String uuid() {
        return uuid;
    }

    @Override
    public String command() {
        return command;
    }

    @Override
    public Optional<String> sessionUuid() {
        return Optional.ofNullable(sessionUuid);
    }

    @Override
    public Instant launchedAt() {
        return launchedAt;
    }

    @Override
    public String result(Duration timeout) {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new SwitchioTimeoutException("job " + uuid + " (" + command + ") has no result after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SwitchioException se) {
                throw se;
            }
            throw new SwitchioException("job " + uuid + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionLostException("interrupted while waiting for job " + uuid);
        }
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public boolean isSuccessful() {
        return result.isDone() && !result.isCompletedExceptionally();
    }

    @Override
    public Optional<SwitchioException> failure() {
        if (!result.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            result.join();
            return Optional.empty();
        } catch (java.util.concurrent.CompletionException e) {
            return Optional.of(e.getCause() instanceof SwitchioException se ? se
                    : new SwitchioException("job " + uuid + " failed", e.getCause()));
        }
    }

    @Override
    public CompletionStage<String> completion() {
        return result.minimalCompletionStage();
    }

    @Override
    public String toString() {
        return "Job[" + uuid + ", " + command + (isDone() ? (isSuccessful() ? ", ok" : ", failed") : ", pending") + "]";
    }
}
