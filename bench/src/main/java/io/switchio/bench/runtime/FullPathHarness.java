package io.switchio.bench.runtime;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Event;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The runtime's full path under load: loopback socket, the transport's reader (framing and header
 * index), the event ring, the host dispatcher and models, a session mailbox and one app callback
 * per event, with realistic 5 KB channel events. Calls keep ending and starting: {@code sessions}
 * calls are live at any time, each lives {@code lifecycle} events ({@code CHANNEL_CREATE},
 * {@code CHANNEL_CALLSTATE}s, {@code CHANNEL_DESTROY}; default 32, a bit under a real call's 41
 * of the captures), and the kernel's default history limit is used unless {@code -Dbench.history}
 * is given; {@code -Dbench.compact=true} turns on {@code Kernel.Builder.compactHistory}. Latency
 * mode first runs at the same rate for {@code -Dbench.warmup} seconds (default 10) so the JIT has
 * compiled the measured path; shorter warm-ups measure compilation and deoptimisation stalls in
 * the first seconds instead of the kernel. {@code -Dbench.feeder=process} writes the events from a
 * child JVM ({@link FeederProcess}), where a FreeSWITCH would be, instead of this JVM's main
 * thread; {@code -Dbench.timeline=true} also prints, per 10 ms of the measured run, how many events
 * took over 1 ms, to line the tail up with GC logs. Latency mode reports the process's CPU use;
 * {@link LoopbackFloorHarness} measures what the machine alone adds to the latency.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.switchio.bench.runtime.FullPathHarness throughput [sessions] [seconds] [-] [lifecycle]
 * java -cp bench/target/benchmarks.jar io.switchio.bench.runtime.FullPathHarness latency [sessions] [seconds] [events/s] [lifecycle]
 * </pre>
 *
 * <p>Threading: the main thread writes frames (or drives the feeder process); the kernel's threads read and dispatch; the app
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
        /** With {@code -Dbench.timeline}: events over 1 ms per 10 ms of the measured run, by send time. */
        volatile AtomicIntegerArray lateByWindow;
        volatile long timelineStart;

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
            long now = System.nanoTime();
            latency.recordValue(Math.max(0, now - sent));
            AtomicIntegerArray late = lateByWindow;
            if (late != null && now - sent > 1_000_000) {
                int w = (int) ((sent - timelineStart) / 10_000_000);
                if (w >= 0 && w < late.length()) {
                    late.incrementAndGet(w);
                }
            }
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
        boolean child = "process".equals(System.getProperty("bench.feeder"));
        try (EventFeed feed = child ? new ChildProcessFeed(sessions, lifecycle) : new InProcessFeed(new CallLifecycles(sessions, lifecycle))) {
            Kernel.Builder builder = Kernel.builder().host("127.0.0.1", feed.port()).commandTimeout(Duration.ofSeconds(30))
                    .compactHistory(Boolean.getBoolean("bench.compact"));
            Integer history = Integer.getInteger("bench.history");
            if (history != null) {
                builder.historyLimit(history);
            }
            try (Kernel kernel = builder.build()) {
                Thread starter = Thread.ofPlatform().start(kernel::start);
                if (!feed.awaitClient(10)) {
                    throw new IllegalStateException("the kernel did not connect");
                }
                starter.join();
                Meter meter = new Meter();
                kernel.loadApp(meter, AppOptions.group("bench"));
                System.out.printf(Locale.ROOT, "%s: %d live calls of %d events, ~%d-byte frames, history %s%s, %s, %d s%n", mode, sessions,
                        lifecycle, feed.frameBytes(), history == null ? "default" : history,
                        Boolean.getBoolean("bench.compact") ? " (compact)" : "", feed.describe(), seconds);
                if (mode.equals("latency")) {
                    long warm = feed.paced(rate, Integer.getInteger("bench.warmup", 10));
                    long drainBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (meter.events.sum() < warm && System.nanoTime() < drainBy) {
                        Thread.sleep(10); // let the warm-up backlog drain before measuring
                    }
                    meter.latency.reset();
                    long before = meter.events.sum();
                    long t0 = System.nanoTime();
                    long cpu0 = processCpuNanos();
                    if (Boolean.getBoolean("bench.timeline")) {
                        meter.timelineStart = t0;
                        meter.lateByWindow = new AtomicIntegerArray(seconds * 100 + 100);
                        System.out.printf(Locale.ROOT, "timeline starts at JVM uptime %.3f s, nanoTime %d ms%n",
                                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, t0 / 1_000_000);
                    }
                    feed.paced(rate, seconds);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    double cores = (processCpuNanos() - cpu0) / 1e9 / secs;
                    Histogram h = meter.latency.getIntervalHistogram();
                    System.out.printf(Locale.ROOT, "offered %,d ev/s; delivered %,.0f ev/s; latency us: p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f (n=%,d); process CPU %.2f cores%n",
                            rate, (meter.events.sum() - before) / secs, h.getValueAtPercentile(50) / 1e3,
                            h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                            h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount(), cores);
                    if (meter.lateByWindow != null) {
                        Thread.sleep(1000);
                        printTimeline(meter.lateByWindow);
                    }
                } else {
                    feed.blast(3);
                    long before = meter.events.sum();
                    long t0 = System.nanoTime();
                    long cpu0 = processCpuNanos();
                    long writer0 = feed.feederCpuNanos();
                    feed.blast(seconds);
                    long delivered = meter.events.sum() - before;
                    double secs = (System.nanoTime() - t0) / 1e9;
                    long writer = writer0 < 0 ? 0 : feed.feederCpuNanos() - writer0;
                    long kernelCpu = processCpuNanos() - cpu0 - writer;
                    System.out.printf(Locale.ROOT, "delivered %,.0f events/s to the app callbacks (%.1f MB/s of events)%n",
                            delivered / secs, delivered / secs * feed.frameBytes() / 1e6);
                    System.out.printf(Locale.ROOT, "CPU per event: kernel side %.2f us (all threads but the feeding one, GC included), feeder %s;"
                            + " kernel-side capacity on 2 dedicated cores ~%,.0f events/s%n",
                            kernelCpu / 1e3 / delivered, writer0 < 0 ? "in its own process" : String.format(Locale.ROOT, "%.2f us", writer / 1e3 / delivered),
                            2e9 / ((double) kernelCpu / delivered));
                }
                long drainBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (meter.events.sum() < feed.written() && System.nanoTime() < drainBy) {
                    Thread.sleep(10);
                }
                System.out.printf(Locale.ROOT, "written %,d events, delivered %,d; active sessions at end %d; live session threads %d%n",
                        feed.written(), meter.events.sum(), kernel.cluster().counters().activeSessions(), kernel.liveSessionThreads());
            }
        }
    }

    /** Prints the 10 ms windows (by send time) holding events that took over 1 ms, and how many. */
    private static void printTimeline(AtomicIntegerArray late) {
        StringBuilder sb = new StringBuilder("late events (>1 ms) by 10 ms send window [ms:count]:");
        int windows = 0;
        for (int i = 0; i < late.length(); i++) {
            if (late.get(i) > 0) {
                sb.append(' ').append(i * 10).append(':').append(late.get(i));
                windows++;
            }
        }
        System.out.println(sb.append(" (").append(windows).append(" windows)"));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
