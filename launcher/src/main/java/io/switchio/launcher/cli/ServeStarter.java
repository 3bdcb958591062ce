package io.switchio.launcher.cli;

import io.switchio.launcher.Escaped;
import io.switchio.launcher.ExitCode;
import io.switchio.launcher.LauncherEnvironment;
import io.switchio.launcher.LauncherException;
import io.switchio.launcher.conf.LaunchSettings;
import io.switchio.launcher.logging.LoggingSetup;
import io.switchio.launcher.plugin.AppSpec;
import io.switchio.launcher.plugin.PluginLoader;
import io.switchio.launcher.plugin.PluginRegistry;
import io.switchio.launcher.serve.ServeRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} and {@code run} share once their settings are known: install logging, load
 * the plugin folders, check every app and its parameters, then serve.
 *
 * <p>Threading: runs on the main thread.
 */
final class ServeStarter {

    private ServeStarter() {
    }

    /**
     * Validates and serves.
     *
     * @param badApp turns an unknown app or a bad app parameter of a spec into the command's
     *     error (a usage error on the command line; in a conf file, an error naming the file, line
     *     and key)
     * @return the exit status
     */
    static int serve(LaunchSettings settings, LauncherEnvironment environment, PrintWriter out,
            BiFunction<AppSpec, RuntimeException, LauncherException> badApp) {
        new LoggingSetup(settings.logLevel()).install();
        LoggerFactory.getLogger(ServeStarter.class).debug("settings: {}", Escaped.of(settings));
        try (PluginRegistry registry = new PluginLoader(environment.pluginParent()).load(settings.pluginDirs())) {
            List<PluginRegistry.ResolvedApp> apps = new ArrayList<>();
            for (AppSpec spec : settings.apps()) {
                try {
                    apps.add(registry.resolve(spec));
                } catch (IllegalArgumentException | LauncherException e) {
                    throw badApp.apply(spec, e);
                }
            }
            return new ServeRun(settings, apps, out).run().code();
        }
    }

    /**
     * The error for a bad app spec on the command line: an unknown or failed app keeps its own
     * message and status, a bad parameter is a usage error naming the spec.
     */
    static LauncherException usageError(AppSpec spec, RuntimeException e) {
        if (e instanceof LauncherException known) {
            return known;
        }
        return new LauncherException(ExitCode.USAGE, "--app " + spec + ": " + e.getMessage(), e);
    }
}
