package io.switchio.launcher.plugin;

import java.nio.file.Path;

/**
 * A plugin jar and what its manifest says about it.
 *
 * @param path the jar file
 * @param id the plugin id ({@value #ID_ATTRIBUTE}), or the file name without {@code .jar}
 * @param version the plugin version ({@value #VERSION_ATTRIBUTE}), or {@code ?} when absent
 * @param spiVersion the SPI version it was built against
 *     ({@link io.switchio.spi.SpiVersion#MANIFEST_ATTRIBUTE}), or {@code null} when absent
 *
 * <p>Threading: immutable; any thread.
 */
public record PluginJar(Path path, String id, String version, String spiVersion) {

    /** Manifest attribute naming the plugin. */
    public static final String ID_ATTRIBUTE = "Switchio-Plugin-Id";
    /** Manifest attribute with the plugin's version. */
    public static final String VERSION_ATTRIBUTE = "Switchio-Plugin-Version";

    /** {@code file.jar (id version)} for messages. */
    public String describe() {
        return path + " (" + id + " " + version + ")";
    }
}
