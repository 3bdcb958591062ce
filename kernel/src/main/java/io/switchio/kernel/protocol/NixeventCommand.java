package io.switchio.kernel.protocol;

import java.util.List;

/**
 * {@code nixevent <NAME|ALL>... [CUSTOM <subclass>...]}: removes subscriptions.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param names event names to drop ({@code ALL} clears everything)
 * @param customSubclasses {@code CUSTOM} subclasses to drop
 */
public record NixeventCommand(List<String> names, List<String> customSubclasses) implements EslCommand {

    /** Refuses an empty list and names that are not single words. */
    public NixeventCommand {
        names = List.copyOf(names);
        customSubclasses = List.copyOf(customSubclasses);
        if (names.isEmpty() && customSubclasses.isEmpty()) {
            throw new IllegalArgumentException("nixevent needs at least one name or CUSTOM subclass");
        }
        names.forEach(n -> CommandWriter.word("event name", n));
        customSubclasses.forEach(n -> CommandWriter.word("CUSTOM subclass", n));
    }

    /** {@code nixevent <names...>}. */
    public static NixeventCommand of(String... names) {
        return new NixeventCommand(List.of(names), List.of());
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("nixevent" + SubscriptionTokens.render(names, customSubclasses)).finish();
    }

    @Override
    public String verb() {
        return "nixevent";
    }
}
