package io.switchio.kernel.protocol;

import java.util.List;

/**
 * {@code event <plain|json|xml> <NAME|ALL>... [CUSTOM <subclass>...]}: subscribes (cumulatively)
 * and sets the connection's event format. Every token after {@code CUSTOM} is a subclass
 * (esl-protocol §5.5), so subclasses are a separate list rendered last.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param format the event format for the whole connection
 * @param names event names, e.g. {@code CHANNEL_ANSWER} or {@code ALL}; may be empty when
 *     subclasses are given
 * @param customSubclasses {@code CUSTOM} subclasses, e.g. {@code sofia::register}
 */
public record EventCommand(EventFormat format, List<String> names, List<String> customSubclasses) implements EslCommand {

    /** Refuses an empty subscription and names that are not single words. */
    public EventCommand {
        if (format == null) {
            throw new IllegalArgumentException("event format is null");
        }
        names = List.copyOf(names);
        customSubclasses = List.copyOf(customSubclasses);
        if (names.isEmpty() && customSubclasses.isEmpty()) {
            throw new IllegalArgumentException("event command needs at least one name or CUSTOM subclass");
        }
        names.forEach(n -> CommandWriter.word("event name", n));
        customSubclasses.forEach(n -> CommandWriter.word("CUSTOM subclass", n));
    }

    /** {@code event <format> ALL}. */
    public static EventCommand all(EventFormat format) {
        return new EventCommand(format, List.of("ALL"), List.of());
    }

    /** {@code event <format> <names...>}. */
    public static EventCommand of(EventFormat format, String... names) {
        return new EventCommand(format, List.of(names), List.of());
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("event " + format.word() + SubscriptionTokens.render(names, customSubclasses)).finish();
    }

    @Override
    public String verb() {
        return "event";
    }
}
