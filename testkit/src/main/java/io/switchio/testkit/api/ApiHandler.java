package io.switchio.testkit.api;

import java.util.concurrent.CompletableFuture;

/**
 * One API command ({@code api <name> <args>}). Runs on the engine thread; most complete at once,
 * {@code originate} completes when its leg is up or failed.
 *
 * <p>Threading: engine thread only.
 */
@FunctionalInterface
public interface ApiHandler {
    /** Runs the command with its argument string (already trimmed). */
    CompletableFuture<String> run(String args);

    /** A completed result. */
    static CompletableFuture<String> done(String body) {
        return CompletableFuture.completedFuture(body);
    }
}
