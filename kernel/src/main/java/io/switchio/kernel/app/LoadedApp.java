package io.switchio.kernel.app;

import io.switchio.spi.AppContext;
import io.switchio.spi.AppOptions;
import java.util.Objects;

/**
 * An app instance loaded on one host under a group.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param name the app's name (provider id or class name)
 * @param group the group it is loaded under
 * @param instance the app object
 * @param options how it was loaded
 * @param descriptor its marked methods
 * @param context what its setup received
 */
public record LoadedApp(String name, String group, Object instance, AppOptions options, AppDescriptor descriptor,
        AppContext context) {

    /** Checks the parts. */
    public LoadedApp {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(context, "context");
    }

    /** Whether the app runs before the non-measurers of its group. */
    public boolean measurer() {
        return options.measurer();
    }
}
