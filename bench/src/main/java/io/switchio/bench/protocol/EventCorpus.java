package io.switchio.bench.protocol;

import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.protocol.FrameDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark input taken from the real captures in {@code fixtures/esl-traces}: the largest
 * {@code CHANNEL_*} event of a trace (a CHANNEL_HANGUP_COMPLETE of about 4.6 KB and 138 headers in
 * the plain capture), as its exact wire frame, repeated into a stream.
 *
 * <p>Threading: immutable after construction.
 */
final class EventCorpus {

    final byte[] frame;
    final String eventName;
    final int headers;

    private EventCorpus(byte[] frame, String eventName, int headers) {
        this.frame = frame;
        this.eventName = eventName;
        this.headers = headers;
    }

    /** The largest CHANNEL_* event frame of the given trace file. */
    static EventCorpus largestChannelEvent(String trace) {
        byte[] data = read(trace);
        List<EslMessage> frames = new ArrayList<>();
        new FrameDecoder().decode(ByteBuffer.wrap(data), frames::add);
        EslMessage best = null;
        long offsetOfNext = 0;
        long bestLength = 0;
        for (int i = 0; i < frames.size(); i++) {
            EslMessage m = frames.get(i);
            offsetOfNext = i + 1 < frames.size() ? frames.get(i + 1).streamOffset() : data.length;
            long length = offsetOfNext - m.streamOffset();
            if (m.isEvent() && EslEvent.of(m).name().startsWith("CHANNEL_") && length > bestLength) {
                best = m;
                bestLength = length;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no CHANNEL_* event in " + trace);
        }
        byte[] frame = Arrays.copyOfRange(data, (int) best.streamOffset(), (int) (best.streamOffset() + bestLength));
        EslEvent e = EslEvent.of(best);
        return new EventCorpus(frame, e.name(), e.headerCount());
    }

    /** {@code count} copies of the frame back to back. */
    byte[] stream(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length * count);
        for (int i = 0; i < count; i++) {
            out.write(frame, 0, frame.length);
        }
        return out.toByteArray();
    }

    private static byte[] read(String trace) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("fixtures/esl-traces"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run from inside the repository: fixtures/esl-traces not found");
        }
        try {
            return Files.readAllBytes(p.resolve("fixtures/esl-traces").resolve(trace));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
