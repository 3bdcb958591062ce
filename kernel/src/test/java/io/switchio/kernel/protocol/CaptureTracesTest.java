package io.switchio.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every capture in fixtures/esl-traces decodes with every byte and every frame accounted for. */
class CaptureTracesTest {

    static Stream<String> traces() {
        return Stream.of("a-auth-api-status-and-errors", "b-auth-failure", "c-bgapi-originate-park-lifecycle-plain",
                "d-bgapi-originate-park-lifecycle-json", "e-inbound-sip-sipp-park", "f-two-leg-sofia-originate",
                "g-exit-disconnect-notice");
    }

    @ParameterizedTest
    @MethodSource("traces")
    void everyFrameIsAccountedFor(String name) throws IOException {
        byte[] server = Frames.trace(name + ".txt");
        String client = new String(Frames.trace(name + ".client.txt"), StandardCharsets.UTF_8);
        FrameDecoder d = new FrameDecoder();
        List<EslMessage> frames = Frames.decode(d, server);
        assertEquals(0, d.pendingBytes(), "no partial frame left");
        assertEquals(server.length, d.offset(), "every byte belongs to a frame");

        long commands = Stream.of(client.split("\n\n")).filter(s -> !s.isBlank()).count();
        long replies = frames.stream().filter(EslMessage::isReply).count();
        assertEquals(commands, replies, "one reply per command sent");

        String text = new String(server, StandardCharsets.ISO_8859_1);
        long eventFrames = frames.stream().filter(EslMessage::isEvent).count();
        assertEquals(count(text, "\nContent-Type: text/event-"), eventFrames);
        assertEquals(ContentTypes.AUTH_REQUEST, frames.get(0).contentType());
        assertEquals(ContentTypes.DISCONNECT_NOTICE, frames.get(frames.size() - 1).contentType());

        for (EslMessage m : frames) {
            if (m.isEvent()) {
                EslEvent e = EslEvent.of(m);
                assertFalse(e.name().isEmpty(), "event at offset " + m.streamOffset() + " has a name");
                assertTrue(e.sequence() > 0, "event at offset " + m.streamOffset() + " has a sequence");
                assertTrue(e.timestamp().isPresent());
                assertEquals(e.header("Core-UUID"), EslEvent.of(m).header("Core-UUID"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("traces")
    void randomChunkingYieldsTheSameFrames(String name) throws IOException {
        byte[] server = Frames.trace(name + ".txt");
        List<EslMessage> whole = Frames.decode(new FrameDecoder(), server);
        Random r = new Random(name.hashCode());
        for (int round = 0; round < 5; round++) {
            int[] sizes = r.ints(64, 1, round == 0 ? 3 : 1 + (1 << (round * 3))).toArray();
            List<EslMessage> chunked = Frames.decodeChunked(server, sizes);
            assertEquals(whole.size(), chunked.size());
            for (int i = 0; i < whole.size(); i++) {
                assertEquals(whole.get(i).streamOffset(), chunked.get(i).streamOffset());
                assertEquals(whole.get(i).headers(), chunked.get(i).headers());
                assertEquals(whole.get(i).bodyText(), chunked.get(i).bodyText());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("traces")
    void backgroundJobBodiesCarryTheApiResult(String name) throws IOException {
        for (EslMessage m : Frames.decode(new FrameDecoder(), Frames.trace(name + ".txt"))) {
            if (m.isEvent() && EslEvent.of(m).name().equals("BACKGROUND_JOB")) {
                EslEvent e = EslEvent.of(m);
                assertTrue(e.body().startsWith("+OK "), e.body());
                assertEquals(36, e.header("Job-UUID").length());
                assertEquals("originate", e.header("Job-Command"));
            }
        }
    }

    private static long count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
