package io.switchio.kernel.protocol;

/**
 * {@code linger [<seconds>]}: keep the connection open after the controlled channel hangs up, so
 * its last events arrive (esl-protocol §4.6).
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param seconds how long to linger, or {@code null} to linger until the client exits
 */
public record LingerCommand(Integer seconds) implements EslCommand {

    /** Refuses a negative or zero time. */
    public LingerCommand {
        if (seconds != null && seconds <= 0) {
            throw new IllegalArgumentException("linger seconds must be positive: " + seconds);
        }
    }

    /** {@code linger} without a time. */
    public static LingerCommand untilExit() {
        return new LingerCommand(null);
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("linger" + (seconds == null ? "" : " " + seconds)).finish();
    }

    @Override
    public String verb() {
        return "linger";
    }
}
