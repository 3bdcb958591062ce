package io.switchio.testkit.engine;

/**
 * The {@code Event-Calling-File/-Function/-Line-Number} triple of an event, as seen in the captures.
 *
 * <p>Threading: immutable value.
 */
public record CallSite(String file, String function, String line) {
    /** Parses {@code file:function:line}. */
    public static CallSite of(String spec) {
        String[] p = spec.split(":");
        return new CallSite(p[0], p[1], p[2]);
    }
}
