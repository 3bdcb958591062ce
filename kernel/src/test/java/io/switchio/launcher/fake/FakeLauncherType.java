package io.switchio.launcher.fake;

/** A stand-in for a launcher type, so the architecture rules can be shown to catch a kernel class using one. */
public final class FakeLauncherType {

    /** Something to call. */
    public static String name() {
        return "launcher";
    }
}
