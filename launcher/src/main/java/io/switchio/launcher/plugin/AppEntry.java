package io.switchio.launcher.plugin;

import io.switchio.spi.AppProvider;
import io.switchio.spi.ParameterSpec;
import java.util.List;
import java.util.Optional;

/**
 * One row of {@code switchio list-apps}: an app found in a plugin jar, or a plugin jar that
 * failed to load (then {@link #appId()} is the plugin id and {@link #failure()} says why).
 *
 * @param appId the app id users name
 * @param plugin the jar it came from
 * @param description the provider's description (empty for failed jars)
 * @param parameters the declared parameters (empty for failed jars)
 * @param provider the provider, or {@code null} when failed
 * @param failure why it cannot be used, or {@code null} when loaded
 *
 * <p>Threading: immutable; any thread.
 */
public record AppEntry(String appId, PluginJar plugin, String description, List<ParameterSpec> parameters,
        AppProvider provider, String failure) {

    /** Copies the parameter list. */
    public AppEntry {
        parameters = List.copyOf(parameters);
    }

    /** A loaded app. */
    static AppEntry loaded(AppProvider provider, String id, String description, List<ParameterSpec> parameters, PluginJar plugin) {
        return new AppEntry(id, plugin, description, parameters, provider, null);
    }

    /** A plugin (or app) that cannot be used. */
    static AppEntry failed(String id, PluginJar plugin, String why) {
        return new AppEntry(id, plugin, "", List.of(), null, why);
    }

    /** A copy of a loaded entry marked failed. */
    AppEntry markFailed(String why) {
        return new AppEntry(appId, plugin, description, parameters, null, why);
    }

    /** True when the app can be used. */
    public boolean isLoaded() {
        return failure == null;
    }

    /** The provider of a loaded app. */
    public Optional<AppProvider> findProvider() {
        return Optional.ofNullable(provider);
    }

    /** {@code loaded} or {@code failed: <why>}. */
    public String status() {
        return isLoaded() ? "loaded" : "failed: " + failure;
    }
}
