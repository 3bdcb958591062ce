package io.switchio.plugins.badexample;

import io.switchio.launcher.ExitCode;

/**
 * A deliberately bad "plugin" class that breaks both architecture rules: it depends on the
 * launcher and prints to System.out. {@code ArchitectureTest} shows each rule catching it; it is
 * never packaged.
 *
 * <p>Threading: not used at run time.
 */
public final class BadPlugin {

    /** Breaks the rules. */
    public void misbehave() {
        System.out.println("plugins must not print, and must not reach into the launcher: " + ExitCode.OK);
    }
}
