package io.switchio.spi;

/**
 * The version of this SPI, and the rule deciding whether a plugin built against another
 * version may run on it.
 *
 * <p>Versions are {@code MAJOR.MINOR}. A plugin built against {@code a.b} runs on SPI
 * {@code x.y} when {@code a == x} and {@code b <= y}: minor versions only add. Plugin jars
 * state the version they were built against in their manifest attribute
 * {@value #MANIFEST_ATTRIBUTE}.
 *
 * <p>Threading: immutable constants and pure functions; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class SpiVersion {

    /** The version of the SPI in this jar. */
    public static final String CURRENT = "0.1";

    /** Manifest attribute in which a plugin jar names the SPI version it was built against. */
    public static final String MANIFEST_ATTRIBUTE = "Switchio-Spi-Version";

    private SpiVersion() {
    }

    /**
     * Tells whether a plugin built against {@code builtAgainst} can run on this SPI.
     *
     * @param builtAgainst a {@code MAJOR.MINOR} version string, as found in a plugin manifest
     * @return true when the majors match and the plugin's minor is not newer than ours
     * @throws IllegalArgumentException when {@code builtAgainst} is not {@code MAJOR.MINOR}
     */
    public static boolean isCompatible(String builtAgainst) {
        int[] theirs = parse(builtAgainst);
        int[] ours = parse(CURRENT);
        return theirs[0] == ours[0] && theirs[1] <= ours[1];
    }

    private static int[] parse(String version) {
        if (version == null) {
            throw new IllegalArgumentException("SPI version is missing; expected MAJOR.MINOR such as " + CURRENT);
        }
        String[] parts = version.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("SPI version '" + version + "' is not MAJOR.MINOR (such as " + CURRENT + ")");
        }
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SPI version '" + version + "' is not MAJOR.MINOR (such as " + CURRENT + ")", e);
        }
    }
}
