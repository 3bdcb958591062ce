package io.switchio.kernel.protocol;

import java.util.UUID;

/**
 * {@code bgapi <command>} with a client-chosen {@code Job-UUID} header, so the waiter for the
 * {@code BACKGROUND_JOB} event can be registered before anything is sent (esl-protocol §5.4).
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param command the API and its arguments, e.g. {@code originate ... &park()}
 * @param jobUuid the job id FreeSWITCH will use (at most 36 bytes, FreeSWITCH truncates longer ids)
 */
public record BgapiCommand(String command, String jobUuid) implements EslCommand {

    /** Refuses blank values, CR, LF, NUL, and job ids longer than 36 characters. */
    public BgapiCommand {
        CommandWriter.nonBlank("bgapi command", command);
        CommandWriter.word("Job-UUID", jobUuid);
        if (jobUuid.length() > 36) {
            throw new IllegalArgumentException("Job-UUID longer than 36 characters would be truncated by FreeSWITCH: " + jobUuid);
        }
    }

    /** With a fresh random Job-UUID. */
    public static BgapiCommand of(String command) {
        return new BgapiCommand(command, UUID.randomUUID().toString());
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("bgapi " + command).header("Job-UUID", jobUuid).finish();
    }

    @Override
    public String verb() {
        return "bgapi";
    }
}
