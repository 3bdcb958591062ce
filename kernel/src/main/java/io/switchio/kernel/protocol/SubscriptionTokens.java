package io.switchio.kernel.protocol;

import java.util.List;

/**
 * Renders the name list shared by {@code event} and {@code nixevent}: names, then {@code CUSTOM}
 * and the subclasses (a {@code CUSTOM} given among the names is moved there, since every token
 * after it is read as a subclass).
 *
 * <p>Threading: stateless; any thread.
 */
final class SubscriptionTokens {

    private SubscriptionTokens() {
    }

    static String render(List<String> names, List<String> subclasses) {
        StringBuilder sb = new StringBuilder();
        boolean custom = !subclasses.isEmpty();
        for (String n : names) {
            if (n.equals("CUSTOM")) {
                custom = true;
            } else {
                sb.append(' ').append(n);
            }
        }
        if (custom) {
            sb.append(" CUSTOM");
            for (String s : subclasses) {
                sb.append(' ').append(s);
            }
        }
        return sb.toString();
    }
}
