package io.switchio.kernel.protocol;

/**
 * {@code log <level>}: deliver log lines up to that level as {@code log/data} frames. The level is
 * a name ({@code console alert crit err warning notice info debug}) or a number 0-7.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param level the level name or number
 */
public record LogCommand(String level) implements EslCommand {

    /** Refuses a level that is not one word. */
    public LogCommand {
        CommandWriter.word("log level", level);
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("log " + level).finish();
    }

    @Override
    public String verb() {
        return "log";
    }
}
