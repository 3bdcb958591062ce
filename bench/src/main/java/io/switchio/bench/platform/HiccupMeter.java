package io.switchio.bench.platform;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The machine's own scheduling hiccups, with no switchio code running: one thread asks to sleep
 * 100 us over and over and records how late it wakes up (what a parked pipeline thread, such as
 * the dispatcher waiting for the next event, experiences). A stall of the platform (the
 * hypervisor taking the vCPU away, another process's time slice, a timer coarser than asked)
 * shows up as a late wake-up. Any latency percentile a multi-thread pipeline reaches on this
 * machine is bounded below by these stalls: an event crosses several such wake-ups.
 *
 * <p>Reported: the oversleep distribution (HdrHistogram, microseconds) and the share of wall
 * time spent in stalls longer than 1 ms, which, at a steady event rate, is roughly the share of
 * events a stall of that length delays.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.switchio.bench.platform.HiccupMeter [seconds]
 * </pre>
 *
 * <p>Threading: main thread only.
 */
public final class HiccupMeter {

    private static final long SLEEP_NANOS = 100_000;

    private HiccupMeter() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Histogram oversleep = new Histogram(3_600_000_000L, 3);
        long stalledNanos = 0;
        long stalls = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long before = start;
        while (before < end) {
            LockSupport.parkNanos(SLEEP_NANOS);
            long after = System.nanoTime();
            long late = Math.max(0, after - before - SLEEP_NANOS);
            oversleep.recordValue(late);
            if (late > 1_000_000) {
                stalls++;
                stalledNanos += late;
            }
            before = after;
        }
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d wake-ups in %.1f s; oversleep us: p50 %.1f p99 %.1f p99.9 %.1f p99.99 %.1f max %.1f%n",
                oversleep.getTotalCount(), wall, oversleep.getValueAtPercentile(50) / 1e3, oversleep.getValueAtPercentile(99) / 1e3,
                oversleep.getValueAtPercentile(99.9) / 1e3, oversleep.getValueAtPercentile(99.99) / 1e3, oversleep.getMaxValue() / 1e3);
        System.out.printf(Locale.ROOT, "stalls over 1 ms: %d, %.1f ms in all = %.2f%% of the time%n", stalls, stalledNanos / 1e6,
                stalledNanos / 1e7 / wall);
    }
}
