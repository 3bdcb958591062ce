package io.switchio.launcher.badexample;

import io.switchio.kernel.protocol.ApiCommand;

/**
 * A deliberately bad launcher-side class that links a kernel internal ({@code kernel.protocol})
 * instead of the {@code io.switchio.kernel} facade. {@code ArchitectureTest} shows the facade rule
 * catching it; it is never packaged.
 *
 * <p>Threading: not used at run time.
 */
public final class ReachesIntoTheKernel {

    /** Breaks the facade rule. */
    public Class<?> internal() {
        return ApiCommand.class;
    }
}
