package io.switchio.kernel.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sendmsg [<uuid>]} with headers and an optional body: a command to one channel
 * (esl-protocol §5.8). {@code +OK} means queued; completion shows as
 * {@code CHANNEL_EXECUTE_COMPLETE} with the matching {@code Application-UUID}.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param uuid the channel, or {@code null} for the controlled channel (outbound)
 * @param headers the message headers in order, e.g. {@code call-command: execute}
 * @param body a body (sent with {@code content-type: text/plain} by {@link #executeWithBody}),
 *     or {@code null}
 */
public record SendmsgCommand(String uuid, List<EslHeader> headers, String body) implements EslCommand {

    /** Refuses a uuid that is not one word and a body with NUL. */
    public SendmsgCommand {
        if (uuid != null) {
            CommandWriter.word("uuid", uuid);
        }
        headers = List.copyOf(headers);
        CommandWriter.body("sendmsg body", body);
    }

    /**
     * {@code call-command: execute} of a dialplan application.
     *
     * @param uuid the channel, or {@code null} for the controlled channel
     * @param app the application, e.g. {@code playback}
     * @param arg its argument, or {@code null}; one line (use {@link #executeWithBody} for more)
     * @param loops repeat count (1 = once; negative = forever)
     * @param eventLock run to completion before the channel reads further queued messages
     * @param async queue even when targeting the connection's own channel (outbound)
     */
    public static SendmsgCommand execute(String uuid, String app, String arg, int loops, boolean eventLock, boolean async) {
        List<EslHeader> h = new ArrayList<>(6);
        h.add(new EslHeader("call-command", "execute"));
        h.add(new EslHeader("execute-app-name", CommandWriter.word("execute-app-name", app)));
        if (arg != null) {
            h.add(new EslHeader("execute-app-arg", arg));
        }
        addFlags(h, loops, eventLock, async);
        return new SendmsgCommand(uuid, h, null);
    }

    /** Like {@link #execute} with a long or multi-line argument sent as a {@code text/plain} body. */
    public static SendmsgCommand executeWithBody(String uuid, String app, String argBody, int loops, boolean eventLock, boolean async) {
        List<EslHeader> h = new ArrayList<>(6);
        h.add(new EslHeader("call-command", "execute"));
        h.add(new EslHeader("execute-app-name", CommandWriter.word("execute-app-name", app)));
        addFlags(h, loops, eventLock, async);
        h.add(new EslHeader("content-type", "text/plain"));
        return new SendmsgCommand(uuid, h, argBody == null ? "" : argBody);
    }

    private static void addFlags(List<EslHeader> h, int loops, boolean eventLock, boolean async) {
        if (loops != 1) {
            h.add(new EslHeader("loops", Integer.toString(loops)));
        }
        if (eventLock) {
            h.add(new EslHeader("event-lock", "true"));
        }
        if (async) {
            h.add(new EslHeader("async", "true"));
        }
    }

    /** {@code call-command: hangup} with a cause name, e.g. {@code NORMAL_CLEARING}. */
    public static SendmsgCommand hangup(String uuid, String cause) {
        return new SendmsgCommand(uuid, List.of(new EslHeader("call-command", "hangup"),
                new EslHeader("hangup-cause", CommandWriter.word("hangup-cause", cause))), null);
    }

    /**
     * {@code call-command: unicast}: stream the channel's media to and from a UDP/TCP peer.
     *
     * @param flags e.g. {@code native}, or {@code null}
     */
    public static SendmsgCommand unicast(String uuid, String localIp, int localPort, String remoteIp, int remotePort,
            String transport, String flags) {
        List<EslHeader> h = new ArrayList<>(7);
        h.add(new EslHeader("call-command", "unicast"));
        h.add(new EslHeader("local-ip", CommandWriter.word("local-ip", localIp)));
        h.add(new EslHeader("local-port", Integer.toString(localPort)));
        h.add(new EslHeader("remote-ip", CommandWriter.word("remote-ip", remoteIp)));
        h.add(new EslHeader("remote-port", Integer.toString(remotePort)));
        h.add(new EslHeader("transport", CommandWriter.word("transport", transport)));
        if (flags != null) {
            h.add(new EslHeader("flags", flags));
        }
        return new SendmsgCommand(uuid, h, null);
    }

    /** {@code call-command: nomedia} with {@code nomedia-uuid}. */
    public static SendmsgCommand nomedia(String uuid, String nomediaUuid) {
        return new SendmsgCommand(uuid, List.of(new EslHeader("call-command", "nomedia"),
                new EslHeader("nomedia-uuid", CommandWriter.word("nomedia-uuid", nomediaUuid))), null);
    }

    /** The same message with one more header, e.g. {@code Event-UUID} for correlation. */
    public SendmsgCommand withHeader(String name, String value) {
        List<EslHeader> h = new ArrayList<>(headers);
        h.add(new EslHeader(name, value));
        return new SendmsgCommand(uuid, h, body);
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter(uuid == null ? "sendmsg" : "sendmsg " + uuid).headers(headers).finish(body);
    }

    @Override
    public String verb() {
        return "sendmsg";
    }
}
