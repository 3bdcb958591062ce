package io.switchio.launcher;

/**
 * The exit statuses of the {@code switchio} command. Scripts may rely on them; the README lists
 * them.
 *
 * <p>Threading: an enum; any thread.
 */
public enum ExitCode {
    /** Everything went as asked (serve stopped after {@code --for}, list-apps found no broken plugin). */
    OK(0, "success"),
    /** An unexpected internal error; the log has the stack trace. */
    INTERNAL(1, "unexpected internal error"),
    /** The command line is wrong: unknown option, bad value, bad app spec. */
    USAGE(2, "bad command line or app spec"),
    /** A conf file is wrong or the settings are incomplete (e.g. no password). */
    CONF(3, "bad conf file or incomplete settings"),
    /** An app is unknown, its plugin failed to load, or the kernel refused to load it. */
    PLUGIN(4, "app unknown, plugin failed or app load failed"),
    /**
     * FreeSWITCH refused the ESL password. (A host that cannot be reached is not fatal: the kernel
     * keeps retrying it in the background while the others serve.)
     */
    CONNECT(5, "FreeSWITCH refused the ESL password"),
    /** The conf file asks for something a later release brings (the dial mode). */
    NOT_YET_AVAILABLE(6, "asked for a feature this release does not have yet (dial mode)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** One phrase for the README and {@code --help}. */
    public String meaning() {
        return meaning;
    }
}
