package io.switchio.testkit.esl;

import io.switchio.testkit.api.ApiDispatcher;
import io.switchio.testkit.engine.SimConfig;
import io.switchio.testkit.engine.SimThreads;
import io.switchio.testkit.engine.SwitchEngine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mod_event_socket side: a listening socket on 127.0.0.1 and one {@link EslConnection} per
 * client (inbound mode). Also the target of connection faults.
 *
 * <p>Threading: {@link #start(SimThreads)}/{@link #close()} by the simulator; the accept loop runs on its own
 * thread; fault methods from any thread.
 */
public final class EslServer implements AutoCloseable {
    private final SwitchEngine engine;
    private final ApiDispatcher apis;
    private final SimConfig config;
    private final int requestedPort;
    private final Set<EslConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong closedEventsWritten = new AtomicLong();
    private volatile long replyDelayNanos;
    private ServerSocket server;
    private Thread acceptThread;
    private SimThreads threads;
    private volatile boolean running;

    /** A server for {@code engine} that will listen on {@code port} (0 = ephemeral). */
    public EslServer(SwitchEngine engine, ApiDispatcher apis, int port) {
        this.engine = engine;
        this.apis = apis;
        this.config = engine.config();
        this.requestedPort = port;
    }

    /** Binds 127.0.0.1 and starts accepting on a thread {@code sim-esl-accept-<tag>} from {@code threads}. */
    public void start(SimThreads threads) throws IOException {
        this.threads = threads;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 512);
        running = true;
        engine.bus().register(new LogSink(this, engine.clock()));
        acceptThread = threads.startPlatform("esl-accept", this::acceptLoop);
    }

    /** The bound port. */
    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                accepted.incrementAndGet();
                EslConnection c = new EslConnection(s, this);
                connections.add(c);
                c.start();
            } catch (IOException e) {
                if (running) {
                    System.getLogger("io.switchio.testkit").log(System.Logger.Level.WARNING,
                            "simulator accept failed: " + e);
                }
            }
        }
    }

    /**
     * Outbound mode: dials {@code host:port} for a channel (on a virtual thread) and serves the
     * application that answers; {@code session.onEnd} runs when it is over or could not connect.
     */
    public void dialOutbound(String host, int port, OutboundSession session) {
        threads.startVirtual("esl-outbound", () -> {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(host, port), 5_000);
                s.setTcpNoDelay(true);
                accepted.incrementAndGet();
                EslConnection c = new EslConnection(s, this, session);
                connections.add(c);
                c.start();
            } catch (IOException e) {
                System.getLogger("io.switchio.testkit").log(System.Logger.Level.WARNING,
                        "simulator socket app could not connect to " + host + ":" + port + ": " + e);
                try {
                    s.close();
                } catch (IOException ignored) {
                    // never connected
                }
                session.onEnd().run();
            }
        });
    }

    SimThreads threads() {
        return threads;
    }

    SwitchEngine engine() {
        return engine;
    }

    ApiDispatcher apis() {
        return apis;
    }

    SimConfig config() {
        return config;
    }

    long replyDelayNanos() {
        return replyDelayNanos;
    }

    void closed(EslConnection c) {
        connections.remove(c);
    }

    /** Connections accepted since start. */
    public long acceptedCount() {
        return accepted.get();
    }

    /** Connections open now. */
    public int openCount() {
        return connections.size();
    }

    /** Events written to clients so far (all connections). */
    public long eventsWritten() {
        long n = 0;
        for (EslConnection c : connections) {
            n += c.eventsWritten();
        }
        return n + closedEventsWritten.get();
    }

    void addClosedEvents(long n) {
        closedEventsWritten.addAndGet(n);
    }

    /** Fault: closes every connection abruptly (no notice). */
    public void dropConnections() {
        for (EslConnection c : connections) {
            c.abort();
        }
    }

    /** {@code reload mod_event_socket}: every listener gets the shutdown notice and is closed. */
    public void shutdownConnections() {
        for (EslConnection c : connections) {
            c.shutdownNotice();
        }
    }

    /** Fault: no bytes are written to clients for {@code nanos}. */
    public void stallWrites(long nanos) {
        for (EslConnection c : connections) {
            c.stall(nanos);
        }
    }

    /** Fault: every reply is delayed by {@code nanos} from now on (0 = off). */
    public void delayReplies(long nanos) {
        this.replyDelayNanos = nanos;
    }

    /** Fault: writes a malformed frame to every connection. */
    public void sendGarbage() {
        for (EslConnection c : connections) {
            c.sendRaw("Content-Type: api/response\nContent-Length: not-a-number\n\n\u0001garbage\n\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** True when at least one connection asked for log lines. */
    boolean anyoneLogging() {
        for (EslConnection c : connections) {
            if (c.logging()) {
                return true;
            }
        }
        return false;
    }

    /** Writes a log line to every connection whose log level admits it. */
    public void log(int level, String uuid, String file, String func, int line, String text) {
        for (EslConnection c : connections) {
            c.log(level, uuid, file, func, line, text);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        for (EslConnection c : connections) {
            c.abort();
        }
        if (acceptThread != null) {
            try {
                acceptThread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
