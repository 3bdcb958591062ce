package io.switchio.bench.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A replay server for the loopback benchmark: sends {@code auth/request}, accepts any
 * {@code auth}, then writes a pre-serialised block of events over and over until the client
 * closes. A client that sends {@code raw} instead of {@code auth} gets the block without the
 * handshake (the raw-drain baseline).
 *
 * <p>Threading: {@link #start()} starts one acceptor and one writer thread per connection;
 * {@link #close()} stops them.
 */
final class BlastServer implements AutoCloseable {

    private final byte[] block;
    private final ServerSocket server;
    private Thread acceptor;

    BlastServer(byte[] block) throws IOException {
        this.block = block;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    void start() {
        acceptor = Thread.ofPlatform().daemon().name("blast-acceptor").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofPlatform().daemon().name("blast-writer").start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("Content-Type: auth/request\n\n".getBytes(StandardCharsets.US_ASCII));
            String cmd = readCommand(in);
            if (cmd.startsWith("auth")) {
                out.write("Content-Type: command/reply\nReply-Text: +OK accepted\n\n".getBytes(StandardCharsets.US_ASCII));
            }
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            // client closed: done
        }
    }

    private static String readCommand(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int prev = -1;
        int c;
        while ((c = in.read()) >= 0 && !(c == '\n' && prev == '\n')) {
            sb.append((char) c);
            prev = c;
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            if (acceptor != null) {
                acceptor.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
