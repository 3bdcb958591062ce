package io.switchio.kernel.protocol;

/**
 * {@code filter <Header> <value>}: adds an event filter (esl-protocol §5.7, §7.2). The value may
 * contain spaces; a leading {@code -} makes it negative, a leading {@code /} a regular expression.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param header the header to match, e.g. {@code Unique-ID}
 * @param value the value, {@code -value} or {@code /regex/}
 */
public record FilterCommand(String header, String value) implements EslCommand {

    /** Refuses a header that is not one word and CR, LF, NUL in the value. */
    public FilterCommand {
        CommandWriter.word("filter header", header);
        CommandWriter.nonBlank("filter value", value);
        if (header.equals("delete") || header.equals("add")) {
            throw new IllegalArgumentException("filter header '" + header + "' is a filter keyword; use FilterDeleteCommand");
        }
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("filter " + header + " " + value).finish();
    }

    @Override
    public String verb() {
        return "filter";
    }
}
