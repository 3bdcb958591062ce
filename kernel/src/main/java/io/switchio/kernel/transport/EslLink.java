package io.switchio.kernel.transport;

import io.switchio.kernel.protocol.ContentTypes;
import io.switchio.kernel.protocol.EslCommand;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.protocol.EslProtocolException;
import io.switchio.kernel.protocol.FrameDecoder;
import io.switchio.spi.ConnectionLostException;
import io.switchio.spi.SwitchioTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open ESL socket: writes commands in order (pipelined), frames what comes back, matches
 * replies FIFO to commands and hands every other frame to the owner. Shared by inbound
 * connections and outbound channels.
 *
 * <p>The socket's read timeout is a short tick; on every tick the reader fails overdue commands
 * and checks liveness, so nothing waits forever and no timer thread is needed.
 *
 * <p>Threading: {@link #send} from any thread (a write lock keeps wire order equal to pipeline
 * order); {@link #readOne} and {@link #readLoop} only from the connection's single reader thread;
 * {@link #close} from any thread, idempotent.
 */
final class EslLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EslLink.class);

    private final String host;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FrameDecoder decoder = new FrameDecoder();
    private final CommandPipeline pipeline;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ArrayDeque<EslMessage> early = new ArrayDeque<>();
    private final long livenessNanos;
    private volatile boolean closed;
    private volatile long lastTrafficNanos = System.nanoTime();
    private volatile String disconnectReason;
    /** When the write in progress must have finished (0 = none in progress); the reader checks it. */
    private volatile long writeDeadlineNanos;
    private volatile CompletableFuture<EslMessage> writing;
    private volatile EslCommand writingCommand;
    private volatile long writingTimeoutNanos;
    private volatile boolean writeStuck;

    /**
     * @param livenessNanos no traffic for this long means the peer is dead (0 = never)
     */
    EslLink(String host, Socket socket, long livenessNanos) throws IOException {
        this.host = host;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.pipeline = new CommandPipeline(host);
        this.livenessNanos = livenessNanos;
    }

    /**
     * Writes a command and returns its reply stage, failed on deadline, on disconnect, or with
     * {@link io.switchio.spi.ApiException} for a {@code -ERR} command/reply. Waiting for the write
     * lock (another sender's write stuck on a full socket) is bounded by the same deadline.
     */
    CompletableFuture<EslMessage> send(EslCommand command, long timeoutNanos) {
        byte[] bytes = command.toBytes();
        try {
            if (!writeLock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
                return CompletableFuture.failedFuture(new SwitchioTimeoutException(host + ": could not write '"
                        + CommandPipeline.describe(command) + "' within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                        + " ms: an earlier write is stuck (FreeSWITCH not reading)"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new ConnectionLostException(host + ": interrupted before sending '"
                    + CommandPipeline.describe(command) + "'"));
        }
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new ConnectionLostException(host + ": connection lost; '"
                        + CommandPipeline.describe(command) + "' was not sent"));
            }
            CompletableFuture<EslMessage> f = pipeline.register(command, timeoutNanos);
            writing = f;
            writingCommand = command;
            writingTimeoutNanos = timeoutNanos;
            writeDeadlineNanos = Math.max(1, System.nanoTime() + timeoutNanos);
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                pipeline.unregisterLast(f);
                f.completeExceptionally(writeStuck ? stuck(command, timeoutNanos)
                        : new ConnectionLostException(host + ": connection lost while sending '"
                                + CommandPipeline.describe(command) + "': " + e.getMessage(), e));
                closeSocket();
            } finally {
                writeDeadlineNanos = 0;
                writing = null;
                writingCommand = null;
            }
            return f;
        } finally {
            writeLock.unlock();
        }
    }

    private SwitchioTimeoutException stuck(EslCommand command, long timeoutNanos) {
        return new SwitchioTimeoutException(host + ": could not write '" + CommandPipeline.describe(command) + "' within "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms: FreeSWITCH stopped reading; the connection was closed");
    }

    /**
     * Handshake helper: reads until one frame arrives, without the pipeline (the caller owns the
     * exchange), honouring a deadline.
     */
    EslMessage readOne(long deadlineNanos) throws IOException {
        while (early.isEmpty()) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                throw new SwitchioTimeoutException(host + ": no answer from FreeSWITCH within the handshake deadline");
            }
            try {
                if (decoder.readFrom(in, early::add) < 0) {
                    throw new ConnectionLostException(host + ": connection closed by FreeSWITCH during the handshake"
                            + (early.isEmpty() ? "" : ""));
                }
            } catch (SocketTimeoutException tick) {
                // loop to check the deadline
            } catch (EslProtocolException e) {
                throw new ConnectionLostException(host + ": " + e.getMessage(), e);
            }
        }
        lastTrafficNanos = System.nanoTime();
        return early.pollFirst();
    }

    /** Handshake helper: writes a command without registering a reply. */
    void writeRaw(EslCommand command) throws IOException {
        writeLock.lock();
        try {
            out.write(command.toBytes());
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Reads until the link dies, completing replies and handing other frames to {@code frames}
     * (which may block: the socket is simply not read meanwhile).
     *
     * @return why the link ended, in plain words
     */
    String readLoop(Consumer<EslMessage> frames) {
        Consumer<EslMessage> route = m -> route(m, frames);
        while (!early.isEmpty()) {
            route.accept(early.pollFirst());
        }
        try {
            while (!closed) {
                try {
                    int n = decoder.readFrom(in, route);
                    if (n < 0) {
                        String notice = disconnectReason;
                        return notice != null ? notice : "connection closed by FreeSWITCH"
                                + (decoder.pendingBytes() > 0 ? " in the middle of a frame ("
                                + decoder.pendingBytes() + " bytes of an incomplete frame dropped)" : "");
                    }
                    lastTrafficNanos = System.nanoTime();
                } catch (SocketTimeoutException tick) {
                    // fall through to the checks
                }
                String dead = tick();
                if (dead != null) {
                    return dead;
                }
            }
            return "closed";
        } catch (EslProtocolException e) {
            LOG.error("{}: {}; closing the connection", host, e.getMessage());
            return "protocol error: " + e.getMessage();
        } catch (IOException e) {
            return closed ? "closed" : "connection lost: " + e.getMessage();
        } finally {
            closeSocket();
        }
    }

    /**
     * Fails overdue commands; returns a reason when the peer looks dead, else null. A write still
     * blocked past its command's deadline (FreeSWITCH stopped reading and the socket buffers are
     * full) kills the link: the stream cannot be resumed after a partial frame, and closing the
     * socket is the only way to release the blocked sender, whose command then fails with
     * {@link SwitchioTimeoutException}.
     */
    String tick() {
        long now = System.nanoTime();
        long writeDeadline = writeDeadlineNanos;
        if (writeDeadline != 0 && now - writeDeadline >= 0) {
            writeStuck = true;
            CompletableFuture<EslMessage> f = writing;
            EslCommand c = writingCommand;
            if (f != null && c != null) {
                f.completeExceptionally(stuck(c, writingTimeoutNanos));
            }
            return "a write was blocked past its command timeout (FreeSWITCH stopped reading)";
        }
        pipeline.expire(now);
        if (livenessNanos > 0 && now - lastTrafficNanos > livenessNanos) {
            return "no traffic from FreeSWITCH for " + TimeUnit.NANOSECONDS.toSeconds(livenessNanos)
                    + " s (liveness timeout; HEARTBEAT expected every 20 s)";
        }
        return null;
    }

    /** Call after a long stall not caused by the peer (e.g. a full ring), so it does not count as silence. */
    void touch() {
        lastTrafficNanos = System.nanoTime();
    }

    private void route(EslMessage m, Consumer<EslMessage> frames) {
        if (m.isReply()) {
            if (!pipeline.complete(m)) {
                LOG.warn("{}: reply without a pending command, ignored: {}", host, m.replyText().strip());
            }
            return;
        }
        if (ContentTypes.DISCONNECT_NOTICE.equals(m.contentType()) && !"linger".equals(m.header("Content-Disposition"))) {
            String body = m.bodyText().strip();
            disconnectReason = body.isEmpty() ? "disconnect notice" : "disconnected by FreeSWITCH: " + body.lines().findFirst().orElse(body);
        }
        frames.accept(m);
    }

    /** The disconnect notice's first line, once one arrived. */
    String disconnectReason() {
        return disconnectReason;
    }

    /** Fails every pending command with {@code cause}. */
    void failPending(RuntimeException cause) {
        pipeline.failAll(cause);
    }

    int pendingCommands() {
        return pipeline.size();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closeSocket();
    }

    private void closeSocket() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("{}: close failed: {}", host, e.getMessage());
        }
    }
}
