package io.switchio.kernel.protocol;

/**
 * {@code api <command> [<args>]}: runs an API synchronously; answered by {@code api/response}.
 * Blocks the connection (replies and events) while it runs: use {@link BgapiCommand} for slow APIs.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param command the API and its arguments, e.g. {@code uuid_answer <uuid>}
 */
public record ApiCommand(String command) implements EslCommand {

    /** Refuses blank commands and CR, LF, NUL. */
    public ApiCommand {
        CommandWriter.nonBlank("api command", command);
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("api " + command).finish();
    }

    @Override
    public String verb() {
        return "api";
    }
}
