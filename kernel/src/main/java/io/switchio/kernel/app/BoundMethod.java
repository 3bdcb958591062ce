package io.switchio.kernel.app;

/**
 * A marked method together with the loaded app instance it belongs to.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param app the loaded app
 * @param method the marked method
 */
public record BoundMethod(LoadedApp app, AppMethod method) {
}
