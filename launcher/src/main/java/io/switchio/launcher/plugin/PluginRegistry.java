package io.switchio.launcher.plugin;

import io.switchio.launcher.ExitCode;
import io.switchio.launcher.LauncherException;
import io.switchio.spi.AppProvider;
import io.switchio.spi.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The apps found in the plugin folders, loaded or failed, and the class loaders that hold them.
 *
 * <p>Threading: immutable lists; {@link #close} once, by the command that loaded it, after the
 * kernel stopped using the apps.
 */
public final class PluginRegistry implements AutoCloseable {

    /** An app ready to load: its provider and its checked parameters. */
    public record ResolvedApp(AppEntry entry, AppProvider provider, Parameters parameters) {
    }

    private final List<Path> folders;
    private final List<AppEntry> entries;
    private final List<PluginClassLoader> loaders;

    PluginRegistry(List<Path> folders, List<AppEntry> entries, List<PluginClassLoader> loaders) {
        this.folders = List.copyOf(folders);
        this.entries = List.copyOf(entries);
        this.loaders = List.copyOf(loaders);
    }

    /** The folders that were scanned. */
    public List<Path> folders() {
        return folders;
    }

    /** Every app and failed plugin, in load order. */
    public List<AppEntry> entries() {
        return entries;
    }

    /** True when some plugin or app failed. */
    public boolean hasFailures() {
        return entries.stream().anyMatch(e -> !e.isLoaded());
    }

    /** The loaded app with this id. */
    public Optional<AppEntry> find(String appId) {
        return entries.stream().filter(e -> e.isLoaded() && e.appId().equals(appId)).findFirst();
    }

    /**
     * Finds the app of a spec and checks its parameters against the app's declarations.
     *
     * @throws LauncherException with {@link ExitCode#PLUGIN} when the app is unknown or failed
     * @throws IllegalArgumentException naming the app and parameter when a value is unknown or bad
     */
    public ResolvedApp resolve(AppSpec spec) {
        Optional<AppEntry> found = find(spec.appId());
        if (found.isEmpty()) {
            Optional<AppEntry> failed = entries.stream().filter(e -> e.appId().equals(spec.appId())).findFirst();
            if (failed.isPresent()) {
                throw new LauncherException(ExitCode.PLUGIN, "app '" + spec.appId() + "' cannot be used: plugin "
                        + failed.get().plugin().path() + " " + failed.get().failure());
            }
            List<String> ids = entries.stream().filter(AppEntry::isLoaded).map(AppEntry::appId).toList();
            throw new LauncherException(ExitCode.PLUGIN, "unknown app '" + spec.appId() + "': no plugin in " + folders
                    + " provides it; available: " + (ids.isEmpty() ? "none" : String.join(", ", ids))
                    + " (see switchio list-apps)");
        }
        AppEntry entry = found.get();
        Parameters parameters = Parameters.resolve(entry.appId(), entry.parameters(), spec.parameters());
        return new ResolvedApp(entry, entry.provider(), parameters);
    }

    @Override
    public void close() {
        for (PluginClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(PluginRegistry.class).debug("closing {} failed", loader.getName(), e);
            }
        }
    }
}
