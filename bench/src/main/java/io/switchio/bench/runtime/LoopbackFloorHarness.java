package io.switchio.bench.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The floor under {@link FullPathHarness}'s latency: the same feeder process, frames and pacing,
 * read by the least a client can do: one platform thread on a blocking socket that frames each
 * event by its {@code Content-Length}, finds {@code X-Bench-Nanos} and records, with no ring, no
 * dispatcher, no models, no session threads. What this measures is the machine's share of the
 * tail (loopback, scheduling, the VM's stalls); the full path can only add to it.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.switchio.bench.runtime.LoopbackFloorHarness [sessions] [seconds] [events/s]
 * </pre>
 *
 * <p>Threading: the main thread drives the feeder process; one reader thread reads and records.
 */
public final class LoopbackFloorHarness {

    private static final byte[] STAMP = "X-Bench-Nanos: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BLANK_LINE = {'\n', '\n'};

    private LoopbackFloorHarness() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        try (ChildProcessFeed feed = new ChildProcessFeed(sessions, 32);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), feed.port())) {
            socket.setTcpNoDelay(true);
            socket.setReceiveBufferSize(1 << 20);
            OutputStream out = socket.getOutputStream();
            out.write("auth ClueCon\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            feed.awaitClient(10);
            FloorReader reader = new FloorReader(socket.getInputStream());
            Thread thread = Thread.ofPlatform().name("floor-reader").daemon().start(reader);
            System.out.printf(Locale.ROOT, "floor: %d live calls, ~%d-byte frames, one blocking reader thread, %d s%n", sessions,
                    feed.frameBytes(), seconds);
            long warm = feed.paced(rate, Integer.getInteger("bench.warmup", 10));
            while (reader.events.sum() < warm) {
                Thread.sleep(10);
            }
            reader.latency.reset();
            long before = reader.events.sum();
            long t0 = System.nanoTime();
            feed.paced(rate, seconds);
            double secs = (System.nanoTime() - t0) / 1e9;
            Histogram h = reader.latency.getIntervalHistogram();
            System.out.printf(Locale.ROOT, "offered %,d ev/s; read %,.0f ev/s; latency us: p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f (n=%,d)%n",
                    rate, (reader.events.sum() - before) / secs, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount());
            socket.close();
            thread.join(5000);
        }
    }

    /** Frames the stream by Content-Length and records each event's stamp. Confined to its thread. */
    private static final class FloorReader implements Runnable {
        final LongAdder events = new LongAdder();
        final Recorder latency = new Recorder(3);
        private final InputStream in;
        private byte[] buf = new byte[1 << 20];
        private int start;
        private int end;

        FloorReader(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    int blank;
                    while ((blank = indexOf(BLANK_LINE, start, end)) < 0) {
                        fill();
                    }
                    int bodyStart = blank + 2;
                    int lengthAt = indexOf(LENGTH, start, blank);
                    if (lengthAt < 0) {
                        start = bodyStart; // auth/request, command/reply
                        continue;
                    }
                    int bodyLength = (int) digits(lengthAt + LENGTH.length, 10);
                    while (end - bodyStart < bodyLength) {
                        int shift = start;
                        fill();
                        bodyStart -= shift - start;
                    }
                    int stampAt = indexOf(STAMP, bodyStart, bodyStart + bodyLength);
                    if (stampAt >= 0) {
                        long sent = digits(stampAt + STAMP.length, EventFrames.NANOS_WIDTH);
                        latency.recordValue(Math.max(0, System.nanoTime() - sent));
                        events.increment();
                    }
                    start = bodyStart + bodyLength;
                }
            } catch (IOException e) {
                // socket closed: the run is over
            }
        }

        /** Moves the unread bytes to the front (growing the buffer if full) and reads more. */
        private void fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                throw new IOException("closed");
            }
            end += n;
        }

        private int indexOf(byte[] pattern, int from, int to) {
            outer:
            for (int i = from; i + pattern.length <= to; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (buf[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private long digits(int at, int max) {
            long v = 0;
            for (int i = at; i < at + max && i < end && buf[i] >= '0' && buf[i] <= '9'; i++) {
                v = v * 10 + (buf[i] - '0');
            }
            return v;
        }
    }
}
