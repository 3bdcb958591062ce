package io.switchio.kernel.transport;

import io.switchio.kernel.protocol.ConnectCommand;
import io.switchio.kernel.protocol.EslCommand;
import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.protocol.EslProtocolException;
import io.switchio.kernel.protocol.EventFormat;
import io.switchio.kernel.protocol.LingerCommand;
import io.switchio.kernel.protocol.MyeventsCommand;
import io.switchio.kernel.ring.EventRing;
import io.switchio.kernel.ring.RingItem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts FreeSWITCH's outbound connections (dialplan {@code socket host:port async full}). For
 * each: sends {@code connect} (the reply is the channel's {@code CHANNEL_DATA}), {@code myevents}
 * in the configured format and, if configured, {@code linger}; then hands an
 * {@link OutboundChannel} to the handler and publishes to the ring, tagged with the channel's
 * connection id: a {@code ConnectionUp}, the {@code CHANNEL_DATA} event of the {@code connect}
 * reply (so the dispatcher meets it before any later event of the channel), the channel's events,
 * and a {@code ConnectionDown} when it ends. Which connection a {@code ConnectionDown} belongs to
 * is told by {@link #pollEnded()}.
 *
 * <p>Threading: {@link #start()} and {@link #close()} from the owner. One acceptor thread and one
 * reader thread per connection, from {@link TransportThreads}. The handler runs on the
 * connection's reader thread before it starts reading events: it must return quickly (hand the
 * channel to the dispatcher, do not wait for replies there).
 */
public final class EslOutboundServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EslOutboundServer.class);
    private static final int TICK_MILLIS = 100;

    private final InetSocketAddress bind;
    private final EventRing ring;
    private final EventFormat format;
    private final Integer lingerSeconds;
    private final boolean linger;
    private final Duration commandTimeout;
    private final Consumer<OutboundChannel> handler;
    private final TransportThreads threads;
    private final Set<EslLink> links = ConcurrentHashMap.newKeySet();
    private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final Queue<String> ended = new ConcurrentLinkedQueue<>();
    private volatile ServerSocket server;
    private volatile Thread acceptor;
    private volatile boolean closing;

    /**
     * @param bind where to listen (port 0 picks a free port)
     * @param ring where events are published
     * @param format event format requested with {@code myevents}
     * @param linger whether to send {@code linger} (needs {@code full} on the socket app)
     * @param lingerSeconds linger time, or {@code null} for "until exit"
     * @param commandTimeout deadline for each command, including the handshake
     * @param handler receives each channel once the handshake succeeded
     * @param threads thread factory
     */
    public EslOutboundServer(InetSocketAddress bind, EventRing ring, EventFormat format, boolean linger,
            Integer lingerSeconds, Duration commandTimeout, Consumer<OutboundChannel> handler, TransportThreads threads) {
        this.bind = bind;
        this.ring = ring;
        this.format = format;
        this.linger = linger;
        this.lingerSeconds = lingerSeconds;
        this.commandTimeout = commandTimeout;
        this.handler = handler;
        this.threads = threads;
    }

    /** Binds and starts accepting. */
    public void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(bind);
        server = s;
        acceptor = threads.start("outbound-acceptor-" + port(), this::acceptLoop);
    }

    /** The bound port (after {@link #start()}). */
    public int port() {
        return server.getLocalPort();
    }

    /** The bound address. */
    public InetAddress address() {
        return server.getInetAddress();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.error("outbound server on port {} stopped accepting: {}", port(), e.getMessage());
                }
                return;
            }
            String id = "outbound-" + ids.incrementAndGet() + "@" + socket.getRemoteSocketAddress();
            Thread t = threads.start("reader-" + id, () -> serve(id, socket));
            readers.add(t);
        }
    }

    private void serve(String id, Socket socket) {
        EslLink link = null;
        String reason = "closed";
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TICK_MILLIS);
            link = new EslLink(id, socket, 0);
            links.add(link);
            long deadline = System.nanoTime() + commandTimeout.toNanos();
            link.writeRaw(new ConnectCommand());
            EslMessage reply = link.readOne(deadline);
            if (!reply.isChannelData()) {
                throw new EslProtocolException(reply.streamOffset(), "connect reply is not CHANNEL_DATA: " + reply);
            }
            EslEvent channelData = EslEvent.of(reply);
            expectOk(link, MyeventsCommand.outbound(format), deadline);
            if (linger) {
                expectOk(link, new LingerCommand(lingerSeconds), deadline);
            }
            OutboundChannel channel = new OutboundChannel(id, channelData, link, commandTimeout.toNanos());
            publish(new RingItem.ConnectionUp(id, false));
            try {
                handler.accept(channel);
            } catch (RuntimeException e) {
                LOG.error("{}: the channel handler failed; closing the connection", id, e);
                reason = "channel handler failed: " + e;
                return;
            }
            publish(new RingItem.EventReceived(id, channelData));
            EslLink l = link;
            reason = link.readLoop(m -> onFrame(id, m, l));
        } catch (IOException | RuntimeException e) {
            reason = "outbound handshake failed: " + e.getMessage();
            LOG.error("{}: {}", id, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (link != null) {
                link.close();
                link.failPending(new io.switchio.spi.ConnectionLostException(id + ": connection lost (" + reason + ")"));
                links.remove(link);
            } else {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing else to do
                }
            }
            try {
                ended.add(id);
                publish(new RingItem.ConnectionDown(id, reason));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("{}: interrupted; ConnectionDown not published ({})", id, reason);
            }
            readers.remove(Thread.currentThread());
        }
    }

    private void expectOk(EslLink link, EslCommand command, long deadline) throws IOException {
        link.writeRaw(command);
        EslMessage reply;
        do {
            reply = link.readOne(deadline);
        } while (!reply.isReply());
        if (!reply.replyText().startsWith("+OK")) {
            throw new EslProtocolException(reply.streamOffset(), "'" + command.verb() + "' refused: " + reply.replyText());
        }
    }

    private void onFrame(String id, EslMessage m, EslLink link) {
        try {
            if (m.isEvent()) {
                publish(new RingItem.EventReceived(id, EslEvent.of(m)));
            } else {
                publish(new RingItem.NoticeReceived(id, m));
            }
        } catch (EslProtocolException e) {
            LOG.error("{}: malformed event frame skipped: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            link.close();
        }
    }

    private void publish(RingItem item) throws InterruptedException {
        while (!ring.offer(item, TICK_MILLIS, TimeUnit.MILLISECONDS)) {
            if (closing) {
                LOG.warn("ring full while closing; dropped {}", item);
                return;
            }
        }
    }

    /**
     * The id of a connection that ended, in an order consistent with the ring: when the dispatcher
     * meets the n-th {@code ConnectionDown} of this server, the n-th id polled here names a
     * connection none of whose items is still behind it in the ring (each reader queues its id
     * before it publishes its {@code ConnectionDown}, after its last event). {@code null} when
     * none is queued.
     */
    public String pollEnded() {
        return ended.poll();
    }

    /** Stops accepting, closes every open channel connection and joins all threads. Idempotent. */
    @Override
    public void close() {
        closing = true;
        ServerSocket s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("outbound server close: {}", e.getMessage());
            }
        }
        for (EslLink l : links) {
            l.close();
        }
        join(acceptor);
        for (Thread t : readers) {
            join(t);
        }
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
