package io.switchio.launcher.cli;

import io.switchio.launcher.ExitCode;
import io.switchio.launcher.logging.LoggingSetup;
import io.switchio.launcher.plugin.AppEntry;
import io.switchio.launcher.plugin.PluginLoader;
import io.switchio.launcher.plugin.PluginRegistry;
import io.switchio.spi.ParameterSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code switchio list-apps}: every app of the plugin folders with its jar, version, description,
 * parameters and status. Exits {@link ExitCode#OK} when every plugin loaded, {@link ExitCode#PLUGIN}
 * when some failed (they are listed with the reason).
 *
 * <p>Threading: runs on the main thread.
 */
@Command(name = "list-apps", mixinStandardHelpOptions = true,
        description = "List the apps found in the plugin folders: id, plugin jar and version, description, parameters with defaults, status.")
public final class ListAppsCommand implements Callable<Integer> {

    @ParentCommand
    private SwitchioCommand parent;

    @Mixin
    private PluginOptions plugins;

    @Mixin
    private LoggingOptions logging;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        new LoggingSetup(logging.level() == null ? "warn" : logging.level()).install();
        List<Path> dirs = plugins.dirs().isEmpty() ? List.of(parent.environment().home().resolve("plugins")) : plugins.dirs();
        try (PluginRegistry registry = new PluginLoader(parent.environment().pluginParent()).load(dirs)) {
            print(registry, spec.commandLine().getOut());
            return (registry.hasFailures() ? ExitCode.PLUGIN : ExitCode.OK).code();
        }
    }

    static void print(PluginRegistry registry, PrintWriter out) {
        long jars = registry.entries().stream().map(e -> e.plugin().path()).distinct().count();
        long loaded = registry.entries().stream().filter(AppEntry::isLoaded).count();
        out.printf("%d app(s) loaded from %d plugin jar(s) in %s%n", loaded, jars, registry.folders());
        for (AppEntry e : registry.entries()) {
            out.println();
            out.printf("%s  [%s]%n", e.appId(), e.status());
            out.printf("    plugin: %s %s (%s)%n", e.plugin().id(), e.plugin().version(), e.plugin().path());
            if (!e.description().isEmpty()) {
                out.printf("    %s%n", e.description());
            }
            if (!e.parameters().isEmpty()) {
                int width = e.parameters().stream().mapToInt(p -> p.name().length()).max().orElse(0);
                int defaults = e.parameters().stream().mapToInt(p -> defaultText(p).length()).max().orElse(0);
                out.println("    parameters:");
                for (ParameterSpec p : e.parameters()) {
                    out.printf("      %-" + width + "s  %-8s  %-" + defaults + "s  %s%n", p.name(),
                            p.type().name().toLowerCase(java.util.Locale.ROOT), defaultText(p), p.description());
                }
            }
        }
        out.flush();
    }

    private static String defaultText(ParameterSpec p) {
        return p.isRequired() ? "(required)" : "default '" + p.defaultValue() + "'";
    }
}
