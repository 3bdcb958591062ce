package io.switchio.kernel.protocol;

/**
 * {@code divert_events on|off}: deliver the controlled channel's own queued events (e.g. DTMF in
 * an input callback) to this connection.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param on {@code true} for {@code on}
 */
public record DivertEventsCommand(boolean on) implements EslCommand {

    @Override
    public byte[] toBytes() {
        return new CommandWriter("divert_events " + (on ? "on" : "off")).finish();
    }

    @Override
    public String verb() {
        return "divert_events";
    }
}
