package io.switchio.kernel.protocol;

/**
 * {@code getvar <name>}: a variable of the controlled channel, raw in {@code Reply-Text}
 * (truncated at 511 bytes; prefer {@code api uuid_getvar}).
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param name the channel variable
 */
public record GetvarCommand(String name) implements EslCommand {

    /** Refuses a name that is not one word. */
    public GetvarCommand {
        CommandWriter.word("variable name", name);
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("getvar " + name).finish();
    }

    @Override
    public String verb() {
        return "getvar";
    }
}
