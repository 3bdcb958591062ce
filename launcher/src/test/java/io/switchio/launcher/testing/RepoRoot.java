package io.switchio.launcher.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root by walking up from the working directory to the folder holding
 * {@code fixtures/esl-traces}.
 *
 * <p>Threading: stateless; any thread.
 */
public final class RepoRoot {

    private RepoRoot() {
    }

    /** The repository root. */
    public static Path find() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("fixtures/esl-traces"))) {
                return p;
            }
        }
        throw new IllegalStateException("no fixtures/esl-traces above " + Path.of("").toAbsolutePath());
    }
}
