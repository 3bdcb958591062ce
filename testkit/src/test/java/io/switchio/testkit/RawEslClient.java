package io.switchio.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A tiny raw-socket ESL client for tests: sends bytes, reads whole frames on a background thread. */
final class RawEslClient implements AutoCloseable {
    /** One server message: outer headers, body, and (for plain events) decoded inner headers. */
    record Frame(Map<String, String> headers, String body, List<String[]> event) {
        String type() {
            return headers.getOrDefault("Content-Type", "");
        }

        String ev(String name) {
            for (String[] h : event) {
                if (h[0].equals(name)) {
                    return h[1];
                }
            }
            return null;
        }

        boolean isEvent(String name) {
            return type().startsWith("text/event") && name.equals(ev("Event-Name"));
        }
    }

    private final Socket socket;
    private final OutputStream out;
    final LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    final List<Frame> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    RawEslClient(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    RawEslClient(Socket connected) throws IOException {
        socket = connected;
        out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        reader = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Frame f = read(in);
                    if (f == null) {
                        break;
                    }
                    all.add(f);
                    frames.add(f);
                }
            } catch (IOException ignored) {
                // closed
            }
        });
    }

    static Frame read(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n' && prev == '\n') {
                break;
            }
            head.append((char) b);
            prev = b;
        }
        Map<String, String> h = new LinkedHashMap<>();
        for (String line : head.toString().split("\n")) {
            int c = line.indexOf(": ");
            if (c > 0) {
                h.put(line.substring(0, c), line.substring(c + 2));
            }
        }
        String body = "";
        if (h.containsKey("Content-Length")) {
            byte[] b = in.readNBytes(Integer.parseInt(h.get("Content-Length")));
            body = new String(b, StandardCharsets.UTF_8);
        }
        List<String[]> ev = new ArrayList<>();
        if (h.getOrDefault("Content-Type", "").equals("text/event-plain")) {
            String inner = body.split("\n\n", 2)[0];
            for (String line : inner.split("\n")) {
                int c = line.indexOf(": ");
                if (c > 0) {
                    ev.add(new String[] {line.substring(0, c),
                        URLDecoder.decode(line.substring(c + 2).replace("+", "%2B"), StandardCharsets.UTF_8)});
                }
            }
        }
        if (h.getOrDefault("Content-Type", "").equals("text/event-json")) {
            ev = json(body);
        }
        return new Frame(h, body, ev);
    }

    /** A flat JSON object of strings (or arrays of strings, kept as ARRAY::a|:b) as ordered pairs. */
    static List<String[]> json(String s) {
        List<String[]> out = new ArrayList<>();
        int[] pos = {1};
        while (pos[0] < s.length() && s.charAt(pos[0]) != '}') {
            String key = jsonString(s, pos);
            pos[0]++; // colon
            String value;
            if (s.charAt(pos[0]) == '[') {
                pos[0]++;
                List<String> items = new ArrayList<>();
                while (s.charAt(pos[0]) != ']') {
                    items.add(jsonString(s, pos));
                    if (s.charAt(pos[0]) == ',') {
                        pos[0]++;
                    }
                }
                pos[0]++;
                value = "ARRAY::" + String.join("|:", items);
            } else {
                value = jsonString(s, pos);
            }
            out.add(new String[] {key, value});
            if (pos[0] < s.length() && s.charAt(pos[0]) == ',') {
                pos[0]++;
            }
        }
        return out;
    }

    private static String jsonString(String s, int[] pos) {
        StringBuilder sb = new StringBuilder();
        int i = pos[0] + 1;
        while (s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        pos[0] = i + 1;
        return sb.toString();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    Frame next() throws InterruptedException {
        Frame f = frames.poll(10, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("no frame within 10 s");
        }
        return f;
    }

    /** The next frame matching, skipping others. */
    Frame await(Predicate<Frame> p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            Frame f = frames.poll(200, TimeUnit.MILLISECONDS);
            if (f != null && p.test(f)) {
                return f;
            }
        }
        throw new AssertionError("expected frame did not arrive within 10 s");
    }

    /** Next reply (command/reply or api/response), skipping events. */
    Frame reply() throws InterruptedException {
        return await(f -> f.type().equals("command/reply") || f.type().equals("api/response"));
    }

    /** Connects and authenticates, subscribing to ALL plain events. */
    static RawEslClient login(FreeSwitchSimulator fs, String events) throws Exception {
        RawEslClient c = new RawEslClient(fs.port());
        c.next();
        c.send("auth " + fs.password() + "\n\n");
        c.reply();
        if (events != null) {
            c.send("event plain " + events + "\n\n");
            c.reply();
        }
        return c;
    }

    boolean closedByServer() throws InterruptedException {
        reader.join(10_000);
        return !reader.isAlive();
    }

    /** Sends {@code api <cmd>} and returns the {@code api/response} body. */
    String api(String cmd) throws Exception {
        send("api " + cmd + "\n\n");
        return reply().body();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
