package io.switchio.kernel.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small scripted FreeSWITCH for transport tests: speaks inbound ESL on 127.0.0.1 (port 0),
 * answers commands with the exact reply strings of esl-protocol §5.2, records what it received,
 * and can misbehave on request (go silent, drop the connection, close in the middle of a frame).
 *
 * <p>Threading: one acceptor and one thread per connection (platform threads: test code); the
 * control methods may be called from the test thread at any time.
 */
public final class ScriptedEslServer implements AutoCloseable {

    static final String GOODBYE = "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
            + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

    private static final java.util.concurrent.locks.ReentrantLock WRITE_LOCK = new java.util.concurrent.locks.ReentrantLock();

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> commands = new LinkedBlockingQueue<>();
    final AtomicInteger connections = new AtomicInteger();
    volatile String password = "ClueCon";
    volatile String userauth;
    volatile boolean rudeReject;
    volatile boolean silent;
    volatile boolean dropAfterAuth;
    /** After answering the current command, stop reading the socket until it closes (a stuck FreeSWITCH). */
    volatile boolean deaf;
    volatile Function<String, String> api = cmd -> "+OK " + cmd + "\n";

    /** Listens on 127.0.0.1, port 0. */
    public ScriptedEslServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = Thread.ofPlatform().daemon().name("scripted-esl-acceptor").start(this::acceptLoop);
    }

    /** The bound port. */
    public int port() {
        return server.getLocalPort();
    }

    /** The next command received (first line plus headers), waiting up to 10 s. */
    public String nextCommand() throws InterruptedException {
        String c = commands.poll(10, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no command within 10 s");
        }
        return c;
    }

    /** Writes raw bytes to every open connection. */
    void broadcast(String raw) {
        for (Socket s : open) {
            write(s, raw);
        }
    }

    /** Writes a plain event to every open connection. */
    void event(String eventText) {
        broadcast(plain(eventText));
    }

    static String plain(String eventText) {
        return "Content-Length: " + eventText.getBytes(StandardCharsets.UTF_8).length
                + "\nContent-Type: text/event-plain\n\n" + eventText;
    }

    /** Closes every open connection abruptly (no notice). */
    public void dropAll() {
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    int openConnections() {
        return (int) open.stream().filter(s -> !s.isClosed()).count();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread.ofPlatform().daemon().name("scripted-esl-conn").start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            if (rudeReject) {
                write(s, "Content-Type: text/rude-rejection\nContent-Length: 24\n\nAccess Denied, go away.\n" + GOODBYE);
                return;
            }
            write(s, "Content-Type: auth/request\n\n");
            String cmd;
            while ((cmd = readCommand(in)) != null) {
                commands.add(cmd);
                if (silent) {
                    continue;
                }
                if (!answer(s, cmd)) {
                    return;
                }
                while (deaf && !s.isClosed()) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // connection dropped: fine for a test server
        } finally {
            open.remove(s);
        }
    }

    /** Answers one command; returns false when the connection must end. */
    private boolean answer(Socket s, String cmd) {
        String line = cmd.lines().findFirst().orElse("");
        if (line.startsWith("auth ") || line.startsWith("userauth ")) {
            boolean ok = line.startsWith("auth ") ? line.substring(5).equals(password) && userauth == null
                    : line.substring(9).equals(userauth);
            if (!ok) {
                write(s, reply("-ERR invalid") + GOODBYE);
                return false;
            }
            write(s, reply("+OK accepted"));
            if (dropAfterAuth) {
                return false;
            }
            return true;
        }
        if (line.startsWith("api ")) {
            String body = api.apply(line.substring(4));
            if (body == null) {
                return true;
            }
            if (body.startsWith("REPLY:")) {
                write(s, reply(body.substring(6)));
            } else {
                write(s, "Content-Type: api/response\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\n\n" + body);
            }
            return true;
        }
        if (line.startsWith("bgapi ")) {
            String job = cmd.lines().filter(l -> l.startsWith("Job-UUID: ")).map(l -> l.substring(10)).findFirst().orElse("server-job");
            write(s, "Content-Type: command/reply\nReply-Text: +OK Job-UUID: " + job + "\nJob-UUID: " + job + "\n\n"
                    + plain("Event-Name: BACKGROUND_JOB\nJob-UUID: " + job + "\nEvent-Sequence: 1\nContent-Length: 7\n\n+OK u1\n"));
            return true;
        }
        if (line.equals("exit")) {
            write(s, reply("+OK bye") + GOODBYE);
            return false;
        }
        if (line.startsWith("event ")) {
            String fmt = line.split(" ")[1];
            write(s, reply("+OK event listener enabled " + (fmt.matches("plain|json|xml") ? fmt : "plain")));
        } else if (line.startsWith("filter ")) {
            String[] p = line.split(" ", 3);
            write(s, reply("+OK filter added. [" + p[1] + "]=[" + (p.length > 2 ? p[2] : "") + "]"));
        } else {
            write(s, reply("+OK"));
        }
        return true;
    }

    static String reply(String text) {
        return "Content-Type: command/reply\nReply-Text: " + text + "\n\n";
    }

    /** Reads one command block (and its body, if it has a Content-Length); null at EOF. */
    private static String readCommand(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int prev = -1;
        int c;
        while ((c = in.read()) >= 0) {
            if (buf.size() == 0 && (c == '\n' || c == '\r')) {
                continue;
            }
            if (c == '\n' && prev == '\n') {
                break;
            }
            if (c != '\r') {
                buf.write(c);
                prev = c;
            }
        }
        if (c < 0) {
            return null;
        }
        String head = buf.toString(StandardCharsets.UTF_8).stripTrailing();
        for (String l : head.split("\n")) {
            if (l.toLowerCase().startsWith("content-length: ")) {
                byte[] body = in.readNBytes(Integer.parseInt(l.substring(16).trim()));
                return head + "\n" + new String(body, StandardCharsets.UTF_8);
            }
        }
        return head;
    }

    private static void write(Socket s, String raw) {
        try {
            OutputStream out = s.getOutputStream();
            WRITE_LOCK.lock();
            try {
                out.write(raw.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } finally {
                WRITE_LOCK.unlock();
            }
        } catch (IOException e) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // test server
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropAll();
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
