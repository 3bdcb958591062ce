package io.switchio.kernel.protocol;

/**
 * {@code noevents}: clears every subscription and discards queued events (reply {@code +OK no longer listening for events}).
 *
 * <p>Threading: immutable value; any thread.
 */
public record NoeventsCommand() implements EslCommand {

    @Override
    public byte[] toBytes() {
        return new CommandWriter("noevents").finish();
    }

    @Override
    public String verb() {
        return "noevents";
    }
}
