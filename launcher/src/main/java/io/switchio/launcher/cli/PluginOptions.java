package io.switchio.launcher.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --plugins} option: folders of plugin jars, replacing the default
 * {@code <switchio home>/plugins} (and a conf file's {@code plugins.dirs}).
 *
 * <p>Threading: filled by picocli on the main thread, read by the command on the same thread.
 */
public final class PluginOptions {

    @Option(names = {"-P", "--plugins"}, paramLabel = "DIR",
            description = "Folder of plugin jars; repeat for several (default: <switchio home>/plugins, or the conf file's plugins.dirs).")
    private List<Path> dirs;

    /** The folders given, or an empty list. */
    public List<Path> dirs() {
        return dirs == null ? List.of() : dirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }
}
