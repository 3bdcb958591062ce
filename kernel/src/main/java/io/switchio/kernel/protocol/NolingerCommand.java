package io.switchio.kernel.protocol;

/**
 * {@code nolinger}: cancels {@code linger} (reply {@code +OK will not linger}).
 *
 * <p>Threading: immutable value; any thread.
 */
public record NolingerCommand() implements EslCommand {

    @Override
    public byte[] toBytes() {
        return new CommandWriter("nolinger").finish();
    }

    @Override
    public String verb() {
        return "nolinger";
    }
}
