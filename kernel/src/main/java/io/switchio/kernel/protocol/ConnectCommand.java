package io.switchio.kernel.protocol;

/**
 * {@code connect}: the first command of an outbound connection; the reply is the controlled channel's {@code CHANNEL_DATA} as a URL-encoded header block (esl-protocol §3.8).
 *
 * <p>Threading: immutable value; any thread.
 */
public record ConnectCommand() implements EslCommand {

    @Override
    public byte[] toBytes() {
        return new CommandWriter("connect").finish();
    }

    @Override
    public String verb() {
        return "connect";
    }
}
