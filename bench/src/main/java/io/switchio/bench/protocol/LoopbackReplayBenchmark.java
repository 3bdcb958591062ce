package io.switchio.bench.protocol;

import io.switchio.kernel.protocol.EventFormat;
import io.switchio.kernel.protocol.FrameDecoder;
import io.switchio.kernel.ring.EventRing;
import io.switchio.kernel.ring.RingItem;
import io.switchio.kernel.transport.EslConnection;
import io.switchio.kernel.transport.EslConnectionConfig;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Loopback TCP: a replay server blasts pre-serialised real channel events; one op = one event.
 * {@code rawDrain} reads the same bytes from a plain socket and discards them (the ceiling);
 * {@code eslConnectionHandOff} runs the real {@link EslConnection} (reader thread frames each event,
 * finds its routing headers and publishes it to the {@link EventRing}) while the benchmark thread
 * drains the ring; {@code eslConnectionToRing} also reads what a dispatcher routes by (name,
 * {@code Unique-ID}: already found by the reader, so no index is built).
 *
 * <p>Threading: JMH thread is the ring's single consumer; the connection's reader is the producer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LoopbackReplayBenchmark {

    static final int EVENTS = 256;

    private BlastServer server;
    private Socket raw;
    private InputStream rawIn;
    private final byte[] buffer = new byte[64 * 1024];
    private int blockLength;
    private EventRing ring;
    private EslConnection connection;
    private int[] drained;
    private Socket framedOnly;
    private EventRing framedRing;
    private Thread framedReader;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        EventCorpus corpus = EventCorpus.largestChannelEvent("c-bgapi-originate-park-lifecycle-plain.txt");
        byte[] block = corpus.stream(EVENTS);
        blockLength = block.length;
        server = new BlastServer(block);
        server.start();
        raw = new Socket(InetAddress.getLoopbackAddress(), server.port());
        raw.getOutputStream().write("raw\n\n".getBytes(StandardCharsets.US_ASCII));
        rawIn = raw.getInputStream();
        byte[] greeting = new byte["Content-Type: auth/request\n\n".length()];
        rawIn.readNBytes(greeting, 0, greeting.length);
        ring = new EventRing(8192);
        connection = new EslConnection(EslConnectionConfig.builder("127.0.0.1", server.port(), ring)
                .livenessTimeout(Duration.ZERO).eventFormat(EventFormat.PLAIN).build());
        connection.start();
        drained = new int[1];
        framedRing = new EventRing(8192);
        framedOnly = new Socket(InetAddress.getLoopbackAddress(), server.port());
        framedOnly.getOutputStream().write("raw\n\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = framedOnly.getInputStream();
        framedReader = Thread.ofVirtual().name("bench-frame-only-reader").start(() -> {
            FrameDecoder decoder = new FrameDecoder();
            try {
                while (decoder.readFrom(in, m -> {
                    try {
                        framedRing.put(new RingItem.NoticeReceived("bench", m));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }) >= 0) {
                    // keep reading
                }
            } catch (Exception e) {
                // socket closed at tear-down
            }
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        connection.close();
        framedOnly.close();
        framedReader.interrupt();
        framedReader.join(5000);
        raw.close();
        server.close();
        System.out.printf("%n[loopback] ring stalls %d, events lost %d%n", connection.ringStalls(), connection.eventsLost());
    }

    /** Reads one block's worth of bytes (EVENTS events) and discards them. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long rawDrain() throws Exception {
        long got = 0;
        while (got < blockLength) {
            int n = rawIn.read(buffer, 0, (int) Math.min(buffer.length, blockLength - got));
            if (n < 0) {
                throw new IllegalStateException("server closed");
            }
            got += n;
        }
        return got;
    }

    /**
     * Framing and ring hand-off only, no event indexing: a reader thread runs {@link FrameDecoder}
     * on a socket and puts each frame on a ring; the benchmark thread drains it. Shows what the
     * connection's own event indexing (and loss tracking) costs on top.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void frameDecoderToRing(Blackhole bh) {
        int got = 0;
        while (got < EVENTS) {
            int n = framedRing.drain(bh::consume, EVENTS - got);
            got += n;
            if (n == 0) {
                framedRing.awaitWork(10, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The real connection, hand-off only: takes EVENTS events off the ring without reading them. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void eslConnectionHandOff(Blackhole bh) {
        drained[0] = 0;
        while (drained[0] < EVENTS) {
            int n = ring.drain(item -> {
                if (item instanceof RingItem.EventReceived e) {
                    bh.consume(e.event());
                    drained[0]++;
                }
            }, EVENTS - drained[0]);
            if (n == 0) {
                ring.awaitWork(10, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Takes EVENTS events off the ring and reads what a dispatcher routes by (name, Unique-ID),
     * which the reader already found; the full line index is left to whoever reads other headers.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void eslConnectionToRing(Blackhole bh) {
        drained[0] = 0;
        while (drained[0] < EVENTS) {
            int n = ring.drain(item -> {
                if (item instanceof RingItem.EventReceived e) {
                    bh.consume(e.event().name());
                    bh.consume(e.event().uniqueId());
                    drained[0]++;
                }
            }, EVENTS - drained[0]);
            if (n == 0) {
                ring.awaitWork(10, TimeUnit.MILLISECONDS);
            }
        }
    }
}
