package io.switchio.testkit.esl;

import io.switchio.testkit.engine.EventFormat;
import io.switchio.testkit.engine.EventSink;
import io.switchio.testkit.engine.SimEvent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One inbound ESL listener, as mod_event_socket's {@code listener_run}: auth, the command loop with
 * the exact reply strings of §5.2, and the hand-off of subscription commands to {@link ListenerCommands}
 * and of channel commands to {@link ChannelCommands}.
 *
 * <p>Threading: a reader thread runs the command loop; a writer thread owns the socket output
 * ({@link ConnectionWriter}); the event bus calls {@link #deliver}/{@link #wants} from its threads.
 */
final class EslConnection implements EventSink {
    private final Socket socket;
    private final EslServer server;
    private final ConnectionWriter writer;
    private final EventSubscription subscription = new EventSubscription();
    private final ListenerCommands listener;
    private final ChannelCommands channelCommands;
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean authed;
    private final OutboundSession outbound;
    private boolean connected;

    EslConnection(Socket socket, EslServer server) throws IOException {
        this(socket, server, null);
    }

    EslConnection(Socket socket, EslServer server, OutboundSession outbound) throws IOException {
        this.outbound = outbound;
        this.socket = socket;
        this.server = server;
        this.writer = new ConnectionWriter(new BufferedOutputStream(socket.getOutputStream(), 65536), this::closeSocket,
                server.config().eventQueueLimit(), server.config().maxLostEvents());
        this.channelCommands = new ChannelCommands(this, server);
        this.listener = new ListenerCommands(subscription, writer);
    }

    void start() {
        server.threads().startVirtual("esl-writer", writer);
        server.threads().startVirtual("esl-reader", this::readLoop);
    }

    ConnectionWriter writer() {
        return writer;
    }

    EventSubscription subscription() {
        return subscription;
    }

    long eventsWritten() {
        return writer.eventsWritten();
    }

    private void readLoop() {
        try {
            if (outbound == null && server.config().aclReject()) {
                writer.send(Frames.rudeRejection());
                writer.sendAndClose(Frames.disconnect(Frames.GOODBYE));
                return;
            }
            if (outbound == null) {
                writer.send(Frames.authRequest());
            }
            socket.setSoTimeout((int) Math.max(1, server.config().firstCommandTimeout().toMillis()));
            CommandReader reader = new CommandReader(new BufferedInputStream(socket.getInputStream(), 65536));
            boolean first = true;
            while (!closed.get()) {
                EslCommand cmd = reader.next();
                if (first) {
                    socket.setSoTimeout(0);
                    first = false;
                }
                writer.hold();
                try {
                    if (!handle(cmd)) {
                        break;
                    }
                } catch (RuntimeException e) {
                    System.getLogger("io.switchio.testkit").log(System.Logger.Level.WARNING,
                            "simulator failed on command '" + cmd.line() + "': " + e, e);
                    reply("-ERR " + e.getClass().getSimpleName() + ": " + e.getMessage());
                } finally {
                    writer.release();
                }
            }
        } catch (SocketTimeoutException e) {
            writer.sendAndClose(Frames.disconnect(Frames.GOODBYE));
        } catch (CommandReader.BadLengthException e) {
            writer.sendAndClose(Frames.disconnect(Frames.GOODBYE));
        } catch (EOFException e) {
            writer.sendAndClose(null);
        } catch (IOException e) {
            writer.sendAndClose(null);
        } finally {
            server.engine().bus().unregister(this);
            if (outbound != null) {
                outbound.onEnd().run();
            }
        }
    }

    /** Replies to one command; false when the connection ends. */
    private boolean handle(EslCommand cmd) {
        String line = cmd.line();
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("exit") || lower.startsWith("...")) {
            reply("+OK bye");
            writer.sendAndClose(channelCommands.controlled() != null
                    ? Frames.controlledDisconnect(channelCommands.controlled()) : Frames.disconnect(Frames.GOODBYE));
            return false;
        }
        if (outbound != null) {
            Boolean handled = outboundGate(lower);
            if (handled != null) {
                return handled;
            }
        } else if (!authed) {
            return handleAuth(lower, line);
        }
        if (lower.contains("mod_event_socket") && (lower.contains("reload") || lower.contains("unload"))) {
            line = "api bgapi " + (lower.contains("reload") ? "reload" : "unload") + " mod_event_socket";
            lower = line;
        }
        String listenerReply = listener.handle(line, lower);
        if (listenerReply == null) {
            return channelCommands.handle(cmd, line, lower);
        }
        reply(listenerReply);
        return true;
    }

    /** Outbound rules (§5.1, §6.2): connect first, the reduced command set without {@code full}. */
    private Boolean outboundGate(String lower) {
        if (lower.startsWith("connect")) {
            byte[] data = channelCommands.connectReply(outbound);
            if (data == null) {
                writer.sendAndClose(Frames.disconnect(Frames.GOODBYE));
                return false;
            }
            writer.send(data);
            if (!connected) {
                connected = true;
                authenticated();
                channelCommands.control(outbound.uuid());
                outbound.onConnect().run();
            }
            return true;
        }
        if (!connected) {
            return true;
        }
        boolean reduced = lower.startsWith("getvar") || lower.startsWith("myevents") || lower.startsWith("resume")
                || lower.startsWith("filter") || lower.startsWith("divert_events") || lower.startsWith("sendmsg");
        if (!outbound.full() && !reduced) {
            reply("-ERR command not found");
            return true;
        }
        if (lower.startsWith("myevents")) {
            for (String w : ListenerCommands.words(lower)) {
                EventFormat f = EventFormat.parse(w);
                if (f != null) {
                    writer.format(f);
                }
            }
            subscription.myEvents(outbound.uuid());
            reply("+OK Events Enabled");
            return true;
        }
        return null;
    }

    private boolean handleAuth(String lower, String line) {
        if (lower.startsWith("auth ")) {
            if (line.substring(5).equals(server.config().password())) {
                authenticated();
                reply("+OK accepted");
                return true;
            }
        } else if (lower.startsWith("userauth ")) {
            String rest = line.substring(9);
            int at = rest.indexOf('@');
            int colon = rest.indexOf(':', Math.max(at, 0));
            if (at > 0 && colon > at && rest.substring(colon + 1).equals(server.config().password())) {
                authenticated();
                writer.send(Frames.reply("+OK accepted", "Allowed-Events: all\nAllowed-API: all\nAllowed-LOG: true\n"));
                return true;
            }
        } else {
            reply("-ERR command not found");
            return true;
        }
        reply("-ERR invalid");
        writer.sendAndClose(Frames.disconnect(Frames.GOODBYE));
        return false;
    }

    private void authenticated() {
        authed = true;
        server.engine().bus().register(this);
    }

    boolean logging() {
        return listener.logLevel() >= 0;
    }

    void log(int level, String uuid, String file, String func, int line, String text) {
        if (listener.logLevel() >= level && authed) {
            writer.send(Frames.log(level, uuid, file, func, line, text));
        }
    }

    /** Writes a reply, after the configured reply delay (fault). */
    void reply(String text) {
        send(Frames.reply(text));
    }

    void send(byte[] frame) {
        long delay = server.replyDelayNanos();
        if (delay > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(delay);
        }
        writer.send(frame);
    }

    void sendRaw(byte[] bytes) {
        writer.send(bytes);
    }

    void stall(long nanos) {
        writer.stall(nanos);
    }

    /** The controlled channel hung up without linger: queued events, then the notice, then close. */
    void controlledChannelGone(String uuid) {
        writer.sendAndClose(Frames.controlledDisconnect(uuid));
    }

    void shutdownNotice() {
        writer.sendAndClose(Frames.disconnect(Frames.SHUTDOWN));
    }

    void abort() {
        closeSocket();
    }

    private void closeSocket() {
        if (closed.compareAndSet(false, true)) {
            server.engine().bus().unregister(this);
            server.addClosedEvents(writer.eventsWritten());
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
            writer.sendAndClose(null);
            server.closed(this);
        }
    }

    @Override
    public boolean wants(String eventName) {
        return subscription.wants(eventName);
    }

    @Override
    public void deliver(SimEvent event) {
        if (subscription.accepts(event)) {
            writer.offerEvent(event);
        }
    }
}
