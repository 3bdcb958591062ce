package io.switchio.bench.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A minimal ESL server for the runtime benchmarks: accepts one client on 127.0.0.1, asks for
 * auth, answers every command with {@code +OK}, and lets the harness write event frames to the
 * client as fast (or as paced) as it wants.
 *
 * <p>Threading: {@link #start()} starts an acceptor and, per client, a command-reader thread;
 * {@link #write} from the harness thread; replies and frames share one write lock.
 */
final class EventFeedServer implements AutoCloseable {

    private final ServerSocket server;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile Socket client;
    private volatile OutputStream out;
    private Thread acceptor;

    EventFeedServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    int port() {
        return server.getLocalPort();
    }

    void start() {
        acceptor = Thread.ofPlatform().daemon().name("feed-acceptor").start(() -> {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                s.setSendBufferSize(1 << 20);
                client = s;
                out = s.getOutputStream();
                Thread.ofPlatform().daemon().name("feed-commands").start(() -> serveCommands(s));
            } catch (IOException e) {
                // closed before a client came
            }
        });
    }

    private void serveCommands(Socket s) {
        try {
            InputStream in = s.getInputStream();
            send("Content-Type: auth/request\n\n");
            while (true) {
                String cmd = readCommand(in);
                if (cmd == null) {
                    return;
                }
                if (cmd.startsWith("api ")) {
                    send("Content-Type: api/response\nContent-Length: 4\n\n+OK\n");
                } else {
                    send("Content-Type: command/reply\nReply-Text: +OK\n\n");
                }
                if (cmd.startsWith("auth")) {
                    connected.countDown();
                }
                if (cmd.startsWith("exit")) {
                    s.close();
                    return;
                }
            }
        } catch (IOException e) {
            // client gone
        }
    }

    private void send(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        write(b, 0, b.length);
    }

    /** Writes frames to the client. */
    void write(byte[] bytes, int off, int len) throws IOException {
        writeLock.lock();
        try {
            out.write(bytes, off, len);
        } finally {
            writeLock.unlock();
        }
    }

    /** Waits until a client authenticated. */
    boolean awaitClient(long seconds) throws InterruptedException {
        return connected.await(seconds, TimeUnit.SECONDS);
    }

    private static String readCommand(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int prev = -1;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n' && prev == '\n') {
                return sb.toString();
            }
            sb.append((char) c);
            prev = c;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = client;
        if (s != null) {
            s.close();
        }
    }
}
