package io.switchio.kernel.protocol;

/**
 * {@code filter delete <Header> [<value>]} or {@code filter delete all}.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param header the header whose filters to remove, or {@code all}
 * @param value the exact value to remove, or {@code null} for every filter on the header
 */
public record FilterDeleteCommand(String header, String value) implements EslCommand {

    /** Refuses a header that is not one word and CR, LF, NUL in the value. */
    public FilterDeleteCommand {
        CommandWriter.word("filter header", header);
        if (value != null) {
            CommandWriter.nonBlank("filter value", value);
        }
    }

    /** {@code filter delete all}. */
    public static FilterDeleteCommand all() {
        return new FilterDeleteCommand("all", null);
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("filter delete " + header + (value == null ? "" : " " + value)).finish();
    }

    @Override
    public String verb() {
        return "filter";
    }
}
