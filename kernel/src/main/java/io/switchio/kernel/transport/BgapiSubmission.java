package io.switchio.kernel.transport;

import io.switchio.kernel.protocol.EslMessage;
import java.util.concurrent.CompletableFuture;

/**
 * A {@code bgapi} that was sent: its client-chosen {@code Job-UUID} (known before the command was
 * written, so a waiter for the {@code BACKGROUND_JOB} event can never be too late) and the stage
 * of its {@code +OK Job-UUID} reply. The job's result arrives as a {@code BACKGROUND_JOB} event on
 * the ring like any other event.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param jobUuid the {@code Job-UUID} sent in the command's header
 * @param reply completes with the {@code command/reply}
 */
public record BgapiSubmission(String jobUuid, CompletableFuture<EslMessage> reply) {
}
