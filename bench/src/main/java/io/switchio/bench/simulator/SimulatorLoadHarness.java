package io.switchio.bench.simulator;

import io.switchio.testkit.FreeSwitchSimulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness for the FreeSWITCH simulator (in-process, real TCP on 127.0.0.1):
 * <ol>
 *   <li>originate rate: {@code bgapi originate loopback/app=answer &hangup()} pipelined with a window,
 *       full call lifecycle (2 legs, ~45 events per call), client subscribed to BACKGROUND_JOB only,
 *       then again with the client subscribed to {@code event plain ALL};</li>
 *   <li>concurrent channels: {@code &park()} calls kept up (2 legs each), heap per channel after GC.</li>
 * </ol>
 * Run: {@code java -Xmx2g -cp bench/target/benchmarks.jar io.switchio.bench.simulator.SimulatorLoadHarness [calls] [concurrentLegs]}.
 *
 * <p>Threading: main thread drives; one reader thread per phase counts replies and job events.
 */
public final class SimulatorLoadHarness {
    private SimulatorLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int legs = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        try (FreeSwitchSimulator fs = FreeSwitchSimulator.builder().maxSessions(0).build().start()) {
            rate(fs, calls / 5, "BACKGROUND_JOB", "warm-up");
            rate(fs, calls, "BACKGROUND_JOB", "originate+hangup, client subscribed to BACKGROUND_JOB");
            rate(fs, calls / 2, "ALL", "originate+hangup, client subscribed to ALL (plain)");
            concurrent(fs, legs / 2);
        }
    }

    private static void rate(FreeSwitchSimulator fs, int calls, String events, String label) throws Exception {
        try (Client c = new Client(fs, events)) {
            long t0 = System.nanoTime();
            c.pipeline(calls, "bgapi originate loopback/app=answer &hangup()");
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%-60s %8d calls in %6.2f s = %8.0f originates/s, %d event frames received (%.0f/s)%n",
                    label, calls, s, calls / s, c.eventFrames.get(), c.eventFrames.get() / s);
        }
        waitIdle(fs);
    }

    private static void concurrent(FreeSwitchSimulator fs, int calls) throws Exception {
        waitIdle(fs);
        long before = usedHeap();
        try (Client c = new Client(fs, "BACKGROUND_JOB")) {
            long t0 = System.nanoTime();
            c.pipeline(calls, "bgapi originate loopback/app=answer &park()");
            double s = (System.nanoTime() - t0) / 1e9;
            int live = fs.stats().liveChannels();
            long after = usedHeap();
            System.out.printf("concurrent: %d calls up in %.2f s, %d live channels, heap %.1f MB -> %.1f MB = %d bytes/channel%n",
                    calls, s, live, before / 1e6, after / 1e6, (after - before) / Math.max(1, live));
            long t1 = System.nanoTime();
            c.send("api hupall\n\n");
            while (fs.stats().liveChannels() > 0) {
                Thread.sleep(5);
            }
            System.out.printf("hupall of %d channels took %.2f s%n", live, (System.nanoTime() - t1) / 1e9);
        }
    }

    private static void waitIdle(FreeSwitchSimulator fs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while ((fs.stats().liveChannels() > 0 || fs.stats().connectionsOpen() > 0) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A minimal ESL client: writes pipelined commands, a reader thread counts frames. */
    private static final class Client implements AutoCloseable {
        private static final int WINDOW = 2_000;
        private final Socket socket;
        private final OutputStream out;
        private final Semaphore window = new Semaphore(WINDOW);
        private final AtomicLong jobs = new AtomicLong();
        final AtomicLong eventFrames = new AtomicLong();
        private final Thread reader;

        Client(FreeSwitchSimulator fs, String events) throws IOException, InterruptedException {
            socket = new Socket(fs.host(), fs.port());
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            reader = Thread.ofPlatform().name("harness-reader").start(() -> read(in));
            send("auth " + fs.password() + "\n\nevent plain " + events + "\n\n");
        }

        void send(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void pipeline(int n, String command) throws Exception {
            long target = jobs.get() + n;
            byte[] cmd = (command + "\n\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < n; i++) {
                window.acquire();
                out.write(cmd);
                if (window.availablePermits() == 0 || i == n - 1) {
                    out.flush();
                }
            }
            out.flush();
            while (jobs.get() < target) {
                Thread.sleep(2);
            }
        }

        private void read(InputStream in) {
            byte[] buf = new byte[1 << 16];
            try {
                while (true) {
                    int len = -1;
                    boolean job = false;
                    boolean event = false;
                    StringBuilder line = new StringBuilder();
                    while (true) {
                        int b = in.read();
                        if (b < 0) {
                            return;
                        }
                        if (b != '\n') {
                            line.append((char) b);
                            continue;
                        }
                        if (line.isEmpty()) {
                            break;
                        }
                        String l = line.toString();
                        if (l.startsWith("Content-Length: ")) {
                            len = Integer.parseInt(l.substring(16));
                        } else if (l.startsWith("Content-Type: text/event")) {
                            event = true;
                        }
                        line.setLength(0);
                    }
                    if (len > 0) {
                        byte[] body = len > buf.length ? new byte[len] : buf;
                        int got = in.readNBytes(body, 0, len);
                        if (got < len) {
                            return;
                        }
                        job = event && new String(body, 0, Math.min(len, 40), StandardCharsets.US_ASCII)
                                .startsWith("Event-Name: BACKGROUND_JOB");
                    }
                    if (event) {
                        eventFrames.incrementAndGet();
                    }
                    if (job) {
                        jobs.incrementAndGet();
                        window.release();
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws Exception {
            send("exit\n\n");
            socket.close();
            reader.join(5000);
        }
    }
}
