package io.switchio.launcher.conf;

/**
 * One FreeSWITCH to control: {@code host[:port]} (IPv6 as {@code [addr]:port}), or the word
 * {@code sim} for the embedded simulator.
 *
 * @param host the host name or address ({@code sim} for the simulator)
 * @param port the ESL port (8021 by default; 0 for the simulator until it listens)
 * @param simulator true for {@code sim}
 *
 * <p>Threading: immutable; any thread.
 */
public record HostAddress(String host, int port, boolean simulator) {

    /** FreeSWITCH's default ESL port. */
    public static final int DEFAULT_PORT = 8021;
    /** The host word that starts the embedded simulator. */
    public static final String SIMULATOR = "sim";

    /**
     * Parses {@code host}, {@code host:port}, {@code [v6addr]:port} or {@code sim}.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static HostAddress parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a host is empty; expected HOST[:PORT] or 'sim'");
        }
        if (t.equals(SIMULATOR)) {
            return new HostAddress(SIMULATOR, 0, true);
        }
        String host = t;
        String port = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("host '" + t + "' opens '[' without ']'; expected [IPv6]:PORT");
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("host '" + t + "': expected ':' and a port after ']'");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = t.lastIndexOf(':');
            if (colon >= 0 && t.indexOf(':') == colon) {
                host = t.substring(0, colon);
                port = t.substring(colon + 1);
            }
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == ',')) {
            throw new IllegalArgumentException("host '" + t + "' is not a host name or address; expected HOST[:PORT] or 'sim'");
        }
        return new HostAddress(host, port == null ? DEFAULT_PORT : parsePort(t, port), false);
    }

    private static int parsePort(String text, String port) {
        try {
            int p = Integer.parseInt(port);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through to the sentence below
        }
        throw new IllegalArgumentException("host '" + text + "': port '" + port + "' is not a number from 1 to 65535");
    }

    @Override
    public String toString() {
        if (simulator) {
            return SIMULATOR;
        }
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
