package io.switchio.launcher.cli;

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
     * @param badParameter turns a bad app parameter of a spec into the command's error (a usage
     *     error on the command line, a conf error naming the line in a conf file)
     * @return the exit status
     */
    static int serve(LaunchSettings settings, LauncherEnvironment environment, PrintWriter out,
            BiFunction<AppSpec, IllegalArgumentException, LauncherException> badParameter) {
        new LoggingSetup(settings.logLevel()).install();
        LoggerFactory.getLogger(ServeStarter.class).debug("settings: {}", settings);
        try (PluginRegistry registry = new PluginLoader(environment.pluginParent()).load(settings.pluginDirs())) {
            List<PluginRegistry.ResolvedApp> apps = new ArrayList<>();
            for (AppSpec spec : settings.apps()) {
                try {
                    apps.add(registry.resolve(spec));
                } catch (IllegalArgumentException e) {
                    throw badParameter.apply(spec, e);
                }
            }
            return new ServeRun(settings, apps, out).run().code();
        }
    }

    /** The usage error for a bad app spec on the command line. */
    static LauncherException usageError(AppSpec spec, IllegalArgumentException e) {
        return new LauncherException(ExitCode.USAGE, "--app " + spec + ": " + e.getMessage(), e);
    }
}
