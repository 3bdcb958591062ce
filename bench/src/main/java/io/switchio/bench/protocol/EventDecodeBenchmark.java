package io.switchio.bench.protocol;

import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.protocol.FrameDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding throughput of real channel events, one op = one event: framing from 64 KiB reads,
 * {@link EslEvent#of} and then either three header reads (what a typical app does: lazy values),
 * every header (the eager worst case) or nothing (framing + indexing). Multiply events/s by the
 * frame size printed at setup for bytes/s; run with {@code -prof gc} for allocations per event.
 *
 * <p>Threading: JMH benchmark state, one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventDecodeBenchmark {

    static final int EVENTS = 256;
    static final int READ = 64 * 1024;

    @Param({"c-bgapi-originate-park-lifecycle-plain.txt", "d-bgapi-originate-park-lifecycle-json.txt"})
    public String trace;

    private byte[] stream;
    private EslMessage[] frames;

    @Setup
    public void setUp() {
        EventCorpus corpus = EventCorpus.largestChannelEvent(trace);
        stream = corpus.stream(EVENTS);
        System.out.printf("%n[corpus] %s: %s, %d bytes per frame, %d headers%n", trace, corpus.eventName,
                corpus.frame.length, corpus.headers);
        java.util.List<EslMessage> out = new java.util.ArrayList<>();
        FrameDecoder d = new FrameDecoder();
        d.decode(stream, 0, stream.length, out::add);
        frames = out.toArray(EslMessage[]::new);
    }

    private void decode(Blackhole bh, java.util.function.Consumer<EslMessage> perFrame) {
        FrameDecoder d = new FrameDecoder();
        for (int p = 0; p < stream.length; p += READ) {
            d.decode(stream, p, Math.min(READ, stream.length - p), perFrame);
        }
        bh.consume(d.offset());
    }

    /**
     * Frame, read three headers as an app would: name and Unique-ID (found by the routing scan)
     * and {@code Channel-State}, which builds the full line index; the other values stay undecoded.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void lazyThreeHeaders(Blackhole bh) {
        decode(bh, m -> {
            EslEvent e = EslEvent.of(m);
            bh.consume(e.name());
            bh.consume(e.uniqueId());
            bh.consume(e.header("Channel-State"));
        });
    }

    /** Frame, index, decode every header into a map. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void allHeaders(Blackhole bh) {
        decode(bh, m -> bh.consume(EslEvent.of(m).headers()));
    }

    /**
     * Header index only: {@link EslEvent#of} over frames cut once at setup, then the header count
     * (which builds a plain event's line index; JSON is parsed in {@code of}).
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void indexOnly(Blackhole bh) {
        for (EslMessage m : frames) {
            bh.consume(EslEvent.of(m).headerCount());
        }
    }

    /** Frame only (no event parsing). */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void framingOnly(Blackhole bh) {
        decode(bh, bh::consume);
    }
}
