package io.switchio.bench.protocol;

import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.protocol.FrameDecoder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CPU time of building a plain event's header index, measured as thread CPU time rather than
 * wall time, so other processes on a shared machine do not inflate it: the largest channel event
 * of a capture, framed once, then {@link EslEvent#of} (which indexes) and {@code headerCount()}
 * in rounds of 51,200 events; the best round counts. The figure includes the small fixed cost
 * of the loop and of wrapping the frame (under 0.1 us).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.switchio.bench.protocol.IndexCpuHarness [trace]
 * </pre>
 *
 * <p>Threading: main thread only.
 */
public final class IndexCpuHarness {

    private static final int ROUNDS = 40;
    private static final int REPEAT = 200;

    private IndexCpuHarness() {
    }

    public static void main(String[] args) {
        String trace = args.length > 0 ? args[0] : "c-bgapi-originate-park-lifecycle-plain.txt";
        EventCorpus corpus = EventCorpus.largestChannelEvent(trace);
        byte[] stream = corpus.stream(256);
        List<EslMessage> frames = new ArrayList<>();
        new FrameDecoder().decode(stream, 0, stream.length, frames::add);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < REPEAT; k++) {
                for (EslMessage m : frames) {
                    sink += EslEvent.of(m).headerCount();
                }
            }
            best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
        }
        double perEvent = best / (double) (REPEAT * frames.size());
        System.out.printf(Locale.ROOT, "%s: %s, %d bytes, %d headers: index build %.0f ns CPU per event (best of %d rounds),"
                + " %.2f GB/s; checksum %d%n", trace, corpus.eventName, corpus.frame.length, corpus.headers, perEvent, ROUNDS,
                corpus.frame.length / perEvent, sink);
    }
}
