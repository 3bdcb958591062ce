package io.switchio.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the launcher takes from its process: the distribution folder, the environment variables and
 * the class loader plugins get the SPI from. Tests pass their own.
 *
 * @param home the distribution folder (holding bin, lib, plugins, conf)
 * @param env environment variables (e.g. {@code SWITCHIO_PASSWORD})
 * @param pluginParent the parent class loader of every plugin class loader
 *
 * <p>Threading: immutable; any thread.
 */
public record LauncherEnvironment(Path home, Map<String, String> env, ClassLoader pluginParent) {

    /** System property bin/switchio sets to the distribution folder. */
    public static final String HOME_PROPERTY = "switchio.home";

    /** Copies the environment. */
    public LauncherEnvironment {
        Objects.requireNonNull(home, "home");
        env = Map.copyOf(env);
        Objects.requireNonNull(pluginParent, "pluginParent");
    }

    /**
     * From this process: {@code -Dswitchio.home}, else the folder above the {@code lib/} holding
     * the launcher jar, else the working directory.
     */
    public static LauncherEnvironment fromSystem() {
        return new LauncherEnvironment(findHome(), System.getenv(), LauncherEnvironment.class.getClassLoader());
    }

    private static Path findHome() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        java.security.CodeSource source = LauncherEnvironment.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                Path code = Path.of(source.getLocation().toURI());
                Path lib = code.getParent();
                if (Files.isRegularFile(code) && lib != null && lib.getFileName() != null
                        && lib.getFileName().toString().equals("lib") && lib.getParent() != null) {
                    return lib.getParent();
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a file location: fall back to the working directory
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
