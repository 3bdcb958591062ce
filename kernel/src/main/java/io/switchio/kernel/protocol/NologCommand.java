package io.switchio.kernel.protocol;

/**
 * {@code nolog}: stops log delivery (reply {@code +OK no longer logging}).
 *
 * <p>Threading: immutable value; any thread.
 */
public record NologCommand() implements EslCommand {

    @Override
    public byte[] toBytes() {
        return new CommandWriter("nolog").finish();
    }

    @Override
    public String verb() {
        return "nolog";
    }
}
