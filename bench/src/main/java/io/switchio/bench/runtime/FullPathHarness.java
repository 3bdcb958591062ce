package io.switchio.bench.runtime;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Event;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The runtime's full path under load: loopback socket, the transport's reader (framing and header
 * index), the event ring, the host dispatcher and models, a session mailbox and one app callback
 * per event, with realistic 5 KB channel events. Calls keep ending and starting: {@code sessions}
 * calls are live at any time, each lives {@code lifecycle} events ({@code CHANNEL_CREATE},
 * {@code CHANNEL_CALLSTATE}s, {@code CHANNEL_DESTROY}; default 32, a bit under a real call's 41
 * of the captures), and the kernel's default history limit is used unless {@code -Dbench.history}
 * is given; {@code -Dbench.compact=true} turns on {@code Kernel.Builder.compactHistory}. Latency mode first runs at the same rate for {@code -Dbench.warmup} seconds (default
 * 10) so the JIT has compiled the measured path; shorter warm-ups measure compilation and
 * deoptimisation stalls in the first seconds instead of the kernel.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.switchio.bench.runtime.FullPathHarness throughput [sessions] [seconds] [-] [lifecycle]
 * java -cp bench/target/benchmarks.jar io.switchio.bench.runtime.FullPathHarness latency [sessions] [seconds] [events/s] [lifecycle]
 * </pre>
 *
 * <p>Threading: the main thread writes frames; the kernel's threads read and dispatch; the app
 * callbacks run on session threads and record into concurrent counters.
 */
public final class FullPathHarness {

    /**
     * The app: counts events and records event-to-callback latency, for every event of a call. It
     * always reads {@code X-Bench-Nanos} and records, warm-up included, so the measured seconds run
     * code the JIT has already compiled (the latency histogram is emptied when the warm-up ends).
     */
    public static final class Meter {
        final LongAdder events = new LongAdder();
        final Recorder latency = new Recorder(3);

        @Callback("CHANNEL_CREATE")
        public void onCreate(Event e) {
            record(e);
        }

        @Callback("CHANNEL_CALLSTATE")
        public void onEvent(Event e) {
            record(e);
        }

        @Callback("CHANNEL_DESTROY")
        public void onDestroy(Event e) {
            record(e);
        }

        private void record(Event e) {
            events.increment();
            long sent = EventFrames.nanos(e.header("X-Bench-Nanos"));
            latency.recordValue(Math.max(0, System.nanoTime() - sent));
        }
    }

    private FullPathHarness() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "throughput";
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rate = args.length > 3 && !args[3].equals("-") ? Integer.parseInt(args[3]) : 100_000;
        int lifecycle = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        try (EventFeedServer server = new EventFeedServer()) {
            server.start();
            Kernel.Builder builder = Kernel.builder().host("127.0.0.1", server.port()).commandTimeout(Duration.ofSeconds(30))
                    .compactHistory(Boolean.getBoolean("bench.compact"));
            Integer history = Integer.getInteger("bench.history");
            if (history != null) {
                builder.historyLimit(history);
            }
            try (Kernel kernel = builder.build()) {
                Thread starter = Thread.ofPlatform().start(kernel::start);
                if (!server.awaitClient(10)) {
                    throw new IllegalStateException("the kernel did not connect");
                }
                starter.join();
                Meter meter = new Meter();
                kernel.loadApp(meter, AppOptions.group("bench"));
                CallLifecycles calls = new CallLifecycles(sessions, lifecycle);
                System.out.printf(Locale.ROOT, "%s: %d live calls of %d events, ~%d-byte frames, history %s%s, %d s%n", mode, sessions,
                        lifecycle, calls.block.length / calls.frames(), history == null ? "default" : history,
                        Boolean.getBoolean("bench.compact") ? " (compact)" : "", seconds);
                Feeder feeder = new Feeder(server, calls);
                if (mode.equals("latency")) {
                    long warm = feeder.paced(rate, Integer.getInteger("bench.warmup", 10));
                    long drainBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (meter.events.sum() < warm && System.nanoTime() < drainBy) {
                        Thread.sleep(10); // let the warm-up backlog drain before measuring
                    }
                    meter.latency.reset();
                    long before = meter.events.sum();
                    long t0 = System.nanoTime();
                    feeder.paced(rate, seconds);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    Histogram h = meter.latency.getIntervalHistogram();
                    System.out.printf(Locale.ROOT, "offered %,d ev/s; delivered %,.0f ev/s; latency us: p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f (n=%,d)%n",
                            rate, (meter.events.sum() - before) / secs, h.getValueAtPercentile(50) / 1e3,
                            h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                            h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount());
                } else {
                    feeder.blast(3);
                    long before = meter.events.sum();
                    long t0 = System.nanoTime();
                    long cpu0 = processCpuNanos();
                    long writer0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    feeder.blast(seconds);
                    long delivered = meter.events.sum() - before;
                    double secs = (System.nanoTime() - t0) / 1e9;
                    long writer = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - writer0;
                    long kernelCpu = processCpuNanos() - cpu0 - writer;
                    System.out.printf(Locale.ROOT, "delivered %,.0f events/s to the app callbacks (%.1f MB/s of events)%n",
                            delivered / secs, delivered / secs * calls.block.length / calls.frames() / 1e6);
                    System.out.printf(Locale.ROOT, "CPU per event: kernel side %.2f us (all threads but the feeding one, GC included), feeder %.2f us;"
                            + " kernel-side capacity on 2 dedicated cores ~%,.0f events/s%n",
                            kernelCpu / 1e3 / delivered, writer / 1e3 / delivered, 2e9 / ((double) kernelCpu / delivered));
                }
                long drainBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (meter.events.sum() < feeder.written && System.nanoTime() < drainBy) {
                    Thread.sleep(10);
                }
                System.out.printf(Locale.ROOT, "written %,d events, delivered %,d; active sessions at end %d; live session threads %d%n",
                        feeder.written, meter.events.sum(), kernel.cluster().counters().activeSessions(), kernel.liveSessionThreads());
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Writes the call block round and round, a new generation of calls each time. */
    private static final class Feeder {
        private final EventFeedServer server;
        private final CallLifecycles calls;
        private int frame;
        long written;

        Feeder(EventFeedServer server, CallLifecycles calls) {
            this.server = server;
            this.calls = calls;
        }

        /** Writes frames {@code [frame, frame + n)} stamped now (n stays within the block). */
        private void write(int n) throws Exception {
            if (frame == calls.frames()) {
                calls.nextGeneration();
                frame = 0;
            }
            int to = Math.min(calls.frames(), frame + n);
            calls.prepare(frame, to, System.nanoTime());
            server.write(calls.block, calls.frameStart[frame], calls.frameStart[to] - calls.frameStart[frame]);
            written += to - frame;
            frame = to;
        }

        void blast(int seconds) throws Exception {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                write(256);
            }
        }

        /** Writes at {@code rate} for {@code seconds} in batches every 0.5 ms; returns the events written. */
        long paced(int rate, int seconds) throws Exception {
            long before = written;
            int batch = Math.max(1, rate / 2000);
            long interval = 1_000_000_000L * batch / rate;
            long next = System.nanoTime();
            long end = next + seconds * 1_000_000_000L;
            while (next < end) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                write(batch);
                next += interval;
            }
            return written - before;
        }
    }
}
