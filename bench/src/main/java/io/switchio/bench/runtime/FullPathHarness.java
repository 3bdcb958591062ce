package io.switchio.bench.runtime;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Event;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The runtime's full path under load: loopback socket, the transport's reader, the event ring,
 * the host dispatcher and models, a session mailbox and one app callback per event, with realistic
 * 5 KB channel events spread over many live sessions.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.switchio.bench.runtime.FullPathHarness throughput [sessions] [seconds]
 * java -cp bench/target/benchmarks.jar io.switchio.bench.runtime.FullPathHarness latency [sessions] [seconds] [events/s]
 * </pre>
 *
 * <p>Threading: the main thread writes frames; the kernel's threads read and dispatch; the app
 * callback runs on session threads and records into concurrent counters.
 */
public final class FullPathHarness {

    /** The app: counts events and records event-to-callback latency. */
    public static final class Meter {
        final LongAdder events = new LongAdder();
        final Recorder latency = new Recorder(3);
        volatile boolean recording;

        @Callback("CHANNEL_CALLSTATE")
        public void onEvent(Event e) {
            events.increment();
            if (recording) {
                long sent = EventFrames.nanos(e.header("X-Bench-Nanos"));
                latency.recordValue(Math.max(0, System.nanoTime() - sent));
            }
        }
    }

    private FullPathHarness() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "throughput";
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        try (EventFeedServer server = new EventFeedServer()) {
            server.start();
            try (Kernel kernel = Kernel.builder().host("127.0.0.1", server.port()).historyLimit(Integer.getInteger("bench.history", 64))
                    .commandTimeout(Duration.ofSeconds(30)).build()) {
                Thread starter = Thread.ofPlatform().start(kernel::start);
                if (!server.awaitClient(10)) {
                    throw new IllegalStateException("the kernel did not connect");
                }
                starter.join();
                Meter meter = new Meter();
                kernel.loadApp(meter, AppOptions.group("bench"));
                String[] uuids = new String[sessions];
                ByteArrayOutputStream creates = new ByteArrayOutputStream();
                ByteArrayOutputStream block = new ByteArrayOutputStream();
                int[] at = new int[1];
                int[] stampAt = new int[sessions];
                for (int i = 0; i < sessions; i++) {
                    uuids[i] = UUID.randomUUID().toString();
                    creates.write(EventFrames.frame("CHANNEL_CREATE", uuids[i], 1, 5000, at));
                }
                int frameLength = 0;
                for (int i = 0; i < sessions; i++) {
                    byte[] f = EventFrames.frame("CHANNEL_CALLSTATE", uuids[i], 2, 5000, at);
                    stampAt[i] = block.size() + at[0];
                    frameLength = f.length;
                    block.write(f);
                }
                byte[] createBytes = creates.toByteArray();
                server.write(createBytes, 0, createBytes.length);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (kernel.cluster().counters().activeSessions() < sessions && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                byte[] bytes = block.toByteArray();
                System.out.printf(Locale.ROOT, "%s: %d sessions, %d-byte frames, %d s%n", mode, sessions, frameLength, seconds);
                if (mode.equals("latency")) {
                    long warm = paced(server, bytes, stampAt, frameLength, rate, 3, meter, false);
                    long drainBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (meter.events.sum() < warm && System.nanoTime() < drainBy) {
                        Thread.sleep(10); // let the warm-up backlog drain before measuring
                    }
                    meter.latency.reset();
                    meter.recording = true;
                    long before = meter.events.sum();
                    long t0 = System.nanoTime();
                    paced(server, bytes, stampAt, frameLength, rate, seconds, meter, true);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    Histogram h = meter.latency.getIntervalHistogram();
                    System.out.printf(Locale.ROOT, "offered %,d ev/s; delivered %,.0f ev/s; latency us: p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f (n=%,d)%n",
                            rate, (meter.events.sum() - before) / secs, h.getValueAtPercentile(50) / 1e3,
                            h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                            h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount());
                } else {
                    blast(server, bytes, stampAt, 3);
                    long before = meter.events.sum();
                    long t0 = System.nanoTime();
                    long cpu0 = processCpuNanos();
                    long writer0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    blast(server, bytes, stampAt, seconds);
                    long delivered = meter.events.sum() - before;
                    double secs = (System.nanoTime() - t0) / 1e9;
                    long writer = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - writer0;
                    long kernelCpu = processCpuNanos() - cpu0 - writer;
                    System.out.printf(Locale.ROOT, "delivered %,.0f events/s to the app callback (%.1f MB/s of events)%n",
                            delivered / secs, delivered / secs * frameLength / 1e6);
                    System.out.printf(Locale.ROOT, "CPU per event: kernel side %.2f us (all threads but the feeding one, GC included), feeder %.2f us;"
                            + " kernel-side capacity on 2 dedicated cores ~%,.0f events/s%n",
                            kernelCpu / 1e3 / delivered, writer / 1e3 / delivered, 2e9 / ((double) kernelCpu / delivered));
                }
                System.out.printf(Locale.ROOT, "live session threads at end: %d%n", kernel.liveSessionThreads());
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void blast(EventFeedServer server, byte[] block, int[] stampAt, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            for (int at : stampAt) {
                EventFrames.stamp(block, at, now);
            }
            server.write(block, 0, block.length);
        }
    }

    /** Writes at {@code rate} for {@code seconds}; returns how many events were written. */
    private static long paced(EventFeedServer server, byte[] block, int[] stampAt, int frameLength, int rate, int seconds,
            Meter meter, boolean measured) throws Exception {
        long written = 0;
        int batch = Math.max(1, rate / 2000);
        long interval = 1_000_000_000L * batch / rate;
        long next = System.nanoTime();
        long end = next + seconds * 1_000_000_000L;
        int frame = 0;
        int frames = stampAt.length;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = Math.min(batch, frames - frame);
            long now = System.nanoTime();
            for (int i = 0; i < n; i++) {
                EventFrames.stamp(block, stampAt[frame + i], now);
            }
            server.write(block, frame * frameLength, n * frameLength);
            written += n;
            frame = (frame + n) % frames;
            next += interval * n / batch;
        }
        return written;
    }
}
