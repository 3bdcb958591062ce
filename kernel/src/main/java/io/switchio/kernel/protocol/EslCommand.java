package io.switchio.kernel.protocol;

import java.nio.charset.StandardCharsets;

/**
 * One ESL command as a small immutable value that renders its exact wire bytes. Every
 * implementation validates its arguments at construction: a CR, LF or NUL in anything that lands
 * inside a line is refused with {@link IllegalArgumentException}, so nothing unchecked can reach
 * the wire.
 *
 * <p>Threading: implementations are immutable values; any thread.
 */
public sealed interface EslCommand permits AuthCommand, UserauthCommand, ApiCommand, BgapiCommand,
        EventCommand, NixeventCommand, NoeventsCommand, FilterCommand, FilterDeleteCommand,
        MyeventsCommand, DivertEventsCommand, SendmsgCommand, SendeventCommand, LingerCommand,
        NolingerCommand, LogCommand, NologCommand, ResumeCommand, ExitCommand, ConnectCommand,
        GetvarCommand {

    /** The exact bytes to write: command line, headers, empty line, body. */
    byte[] toBytes();

    /** The wire bytes as text (UTF-8), e.g. for golden tests and logs. */
    default String wire() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    /** The verb, e.g. {@code api}; for logs and error messages (never contains secrets). */
    String verb();
}
