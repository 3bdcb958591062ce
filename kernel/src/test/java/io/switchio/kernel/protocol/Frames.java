package io.switchio.kernel.protocol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: feed chunks to a decoder, find fixtures. Threading: test thread only. */
final class Frames {

    private Frames() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes chunks in order; returns every frame emitted. */
    static List<EslMessage> decode(FrameDecoder d, byte[]... chunks) {
        List<EslMessage> out = new ArrayList<>();
        for (byte[] c : chunks) {
            d.decode(ByteBuffer.wrap(c), out::add);
        }
        return out;
    }

    static List<EslMessage> decode(String... chunks) {
        byte[][] b = new byte[chunks.length][];
        for (int i = 0; i < chunks.length; i++) {
            b[i] = bytes(chunks[i]);
        }
        return decode(new FrameDecoder(), b);
    }

    /** Decodes {@code data} cut into chunks of the given sizes (cycled). */
    static List<EslMessage> decodeChunked(byte[] data, int[] sizes) {
        FrameDecoder d = new FrameDecoder();
        List<EslMessage> out = new ArrayList<>();
        int p = 0;
        int k = 0;
        while (p < data.length) {
            int n = Math.min(Math.max(1, sizes[k++ % sizes.length]), data.length - p);
            d.decode(data, p, n, out::add);
            p += n;
        }
        return out;
    }

    /** A plain event frame around the given serialised event text. */
    static String plainEvent(String eventText) {
        return "Content-Length: " + bytes(eventText).length + "\nContent-Type: text/event-plain\n\n" + eventText;
    }

    /** The folder {@code fixtures/esl-traces}, found by walking up from the working directory. */
    static Path traces() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path t = p.resolve("fixtures/esl-traces");
            if (Files.isDirectory(t)) {
                return t;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("fixtures/esl-traces not found above " + Path.of("").toAbsolutePath());
    }

    static byte[] trace(String name) throws IOException {
        return Files.readAllBytes(traces().resolve(name));
    }
}
