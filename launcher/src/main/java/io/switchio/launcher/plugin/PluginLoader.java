package io.switchio.launcher.plugin;

import io.switchio.launcher.Escaped;
import io.switchio.launcher.ExitCode;
import io.switchio.launcher.LauncherException;
import io.switchio.spi.AppProvider;
import io.switchio.spi.ParameterSpec;
import io.switchio.spi.SpiVersion;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every jar of the plugin folders, each in its own {@link PluginClassLoader}, finds its apps
 * with {@link ServiceLoader}, and validates them before anything starts.
 *
 * <p>A jar is refused (marked failed, with the reason) when its manifest does not name a
 * compatible SPI version, when loading it throws (a {@link LinkageError} reads "built against X,
 * running Y"), or when it has no app. Blank, malformed and duplicate app ids are refused with every
 * jar involved named. A failing jar never stops the others; a {@link VirtualMachineError} is
 * always rethrown.
 *
 * <p>Threading: confined to the thread that calls {@link #load}.
 */
public final class PluginLoader {

    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9._-]+");

    private final ClassLoader parent;

    /** A loader whose plugins see the SPI through {@code parent}. */
    public PluginLoader(ClassLoader parent) {
        this.parent = parent;
    }

    /** True when {@code id} is a well-formed app id. */
    public static boolean isValidAppId(String id) {
        return id != null && APP_ID.matcher(id).matches();
    }

    /**
     * Loads every {@code *.jar} of the folders, in folder order and by file name within a folder.
     *
     * @throws LauncherException with {@link ExitCode#CONF} when a folder does not exist
     */
    public PluginRegistry load(List<Path> folders) {
        List<AppEntry> entries = new ArrayList<>();
        List<PluginClassLoader> loaders = new ArrayList<>();
        for (Path folder : folders) {
            for (Path jar : jarsIn(folder)) {
                loadJar(jar, entries, loaders);
            }
        }
        return new PluginRegistry(folders, refuseBadIds(entries), loaders);
    }

    private static List<Path> jarsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new LauncherException(ExitCode.CONF, "plugin folder " + folder.toAbsolutePath()
                    + " does not exist or is not a folder; set plugins.dirs or --plugins to folders of plugin jars");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new LauncherException(ExitCode.CONF, "cannot list plugin folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private void loadJar(Path jar, List<AppEntry> entries, List<PluginClassLoader> loaders) {
        String fileId = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        PluginJar plugin;
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            plugin = new PluginJar(jar, orElse(main.getValue(PluginJar.ID_ATTRIBUTE), fileId),
                    orElse(main.getValue(PluginJar.VERSION_ATTRIBUTE), "?"), main.getValue(SpiVersion.MANIFEST_ATTRIBUTE));
        } catch (IOException | SecurityException e) {
            entries.add(refuse(AppEntry.failed(fileId, new PluginJar(jar, fileId, "?", null), "cannot read the jar: " + e)));
            return;
        }
        String spiProblem = spiProblem(plugin);
        if (spiProblem != null) {
            entries.add(refuse(AppEntry.failed(plugin.id(), plugin, spiProblem)));
            return;
        }
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader("plugin:" + plugin.id(), jar.toUri().toURL(), parent);
        } catch (MalformedURLException e) {
            entries.add(refuse(AppEntry.failed(plugin.id(), plugin, "cannot make a URL of the jar path: " + e.getMessage())));
            return;
        }
        List<AppEntry> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<AppProvider> p : ServiceLoader.load(AppProvider.class, loader).stream().toList()) {
                if (p.type().getClassLoader() != loader) {
                    continue; // listed by another jar on the parent class path, not this plugin's own
                }
                AppProvider provider = p.get();
                List<ParameterSpec> params = List.copyOf(provider.parameters());
                found.add(AppEntry.loaded(provider, provider.id(), orElse(provider.description(), ""), params, plugin));
            }
        } catch (Throwable t) {
            rethrowIfFatal(t);
            closeQuietly(loader);
            entries.add(refuse(AppEntry.failed(plugin.id(), plugin, describeFailure(t, plugin)), t));
            return;
        }
        if (found.isEmpty()) {
            closeQuietly(loader);
            entries.add(refuse(AppEntry.failed(plugin.id(), plugin,
                    "has no app: META-INF/services/" + AppProvider.class.getName() + " lists no provider class in this jar")));
            return;
        }
        loaders.add(loader);
        entries.addAll(found);
        log().debug("plugin {} loaded with apps {}", Escaped.of(plugin.describe()), found.stream().map(AppEntry::appId).toList());
    }

    private static String spiProblem(PluginJar plugin) {
        if (plugin.spiVersion() == null) {
            return "does not name the SPI version it was built against (manifest attribute "
                    + SpiVersion.MANIFEST_ATTRIBUTE + "); running " + SpiVersion.CURRENT;
        }
        try {
            return SpiVersion.isCompatible(plugin.spiVersion()) ? null
                    : "built against SPI " + plugin.spiVersion().strip() + ", running " + SpiVersion.CURRENT;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String describeFailure(Throwable t, PluginJar plugin) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            // a static initializer that threw is the plugin's own failure, not a mismatch of versions
            if (c instanceof LinkageError linkage && !(c instanceof ExceptionInInitializerError)) {
                return "built against SPI " + plugin.spiVersion() + ", running " + SpiVersion.CURRENT + ": " + linkage;
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "threw while loading: " + (root == t ? t.toString() : t.getMessage() + " (cause: " + root + ")");
    }

    private static void rethrowIfFatal(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        }
    }

    private static List<AppEntry> refuseBadIds(List<AppEntry> entries) {
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        List<AppEntry> out = new ArrayList<>(entries);
        for (int i = 0; i < out.size(); i++) {
            AppEntry e = out.get(i);
            if (!e.isLoaded()) {
                continue;
            }
            if (e.appId() == null || e.appId().isBlank()) {
                out.set(i, refuse(e.markFailed("an app in " + e.plugin().path() + " has a blank id (provider "
                        + e.provider().getClass().getName() + ")")));
            } else if (!isValidAppId(e.appId())) {
                out.set(i, refuse(e.markFailed("app id '" + e.appId() + "' in " + e.plugin().path()
                        + " may hold only letters, digits, '-', '_' and '.'")));
            } else {
                byId.computeIfAbsent(e.appId(), k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> dup : byId.entrySet()) {
            if (dup.getValue().size() < 2) {
                continue;
            }
            List<String> jars = dup.getValue().stream().map(i -> out.get(i).plugin().path().toString()).toList();
            String why = "app id '" + dup.getKey() + "' is provided by more than one jar: " + String.join(" and ", jars);
            dup.getValue().forEach(i -> out.set(i, refuse(out.get(i).markFailed(why))));
        }
        return List.copyOf(out);
    }

    private static AppEntry refuse(AppEntry failed) {
        return refuse(failed, null);
    }

    private static AppEntry refuse(AppEntry failed, Throwable cause) {
        log().warn("plugin {} refused: {}", failed.plugin().path(), Escaped.of(failed.failure()));
        if (cause != null) {
            log().debug("plugin {} failed with", failed.plugin().path(), cause);
        }
        return failed;
    }

    private static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            log().debug("closing the class loader of {} failed", loader.getName(), e);
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static Logger log() {
        return LoggerFactory.getLogger(PluginLoader.class);
    }
}
