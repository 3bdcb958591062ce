package io.switchio.kernel.protocol;

/**
 * {@code exit}: ends the connection: {@code +OK bye}, then the goodbye disconnect notice, then EOF.
 *
 * <p>Threading: immutable value; any thread.
 */
public record ExitCommand() implements EslCommand {

    @Override
    public byte[] toBytes() {
        return new CommandWriter("exit").finish();
    }

    @Override
    public String verb() {
        return "exit";
    }
}
