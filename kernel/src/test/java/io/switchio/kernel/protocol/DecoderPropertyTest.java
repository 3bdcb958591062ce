package io.switchio.kernel.protocol;

import static io.switchio.kernel.protocol.Frames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Randomised properties: chunking, value round trips, 16 MiB bodies, garbage never hangs. */
class DecoderPropertyTest {

    private static final long SEED = 20261126L;
    private static final String MUTATIONS = "\n:% {}\"[]\\<>/&#-9";
    private static final String GARBAGE = "Content-Length: 12\nType:text/event-plain\n\n%{\"<";

    private static String mixedStream() {
        String json = "{\"Event-Name\":\"HEARTBEAT\",\"Event-Sequence\":\"3\",\"Up\":\"ü\\n\",\"Content-Length\":\"2\",\"_body\":\"ok\"}";
        String xml = "<event>\n  <headers>\n    <Event-Name>RE_SCHEDULE</Event-Name>\n  </headers>\n</event>\n";
        return "Content-Type: auth/request\n\n"
                + "Content-Type: command/reply\nReply-Text: +OK accepted\n\n"
                + Frames.plainEvent("Event-Name: CHANNEL_ANSWER\nCaller-Caller-ID-Name: Jos%C3%A9\n\n")
                + "Content-Type: api/response\nContent-Length: 9\n\nGrüße\n\n"
                + "Content-Length: " + bytes(json).length + "\nContent-Type: text/event-json\n\n" + json
                + "Content-Length: " + bytes(xml).length + "\nContent-Type: text/event-xml\n\n" + xml
                + "Content-Type: log/data\nContent-Length: 6\nLog-Level: 7\nUser-Data: \n\nhello\n"
                + "Content-Type: text/disconnect-notice\nContent-Length: 0\nContent-Disposition: linger\n\n";
    }

    @Test
    void anyChunkingDecodesToTheSameFrames() {
        byte[] data = bytes(mixedStream());
        List<EslMessage> whole = Frames.decode(new FrameDecoder(), data);
        assertEquals(8, whole.size());
        Random r = new Random(SEED);
        for (int round = 0; round < 300; round++) {
            int max = 1 + r.nextInt(round < 100 ? 4 : 200);
            List<EslMessage> chunked = Frames.decodeChunked(data, r.ints(32, 1, max + 1).toArray());
            assertEquals(whole.size(), chunked.size());
            for (int i = 0; i < whole.size(); i++) {
                assertEquals(whole.get(i).headers(), chunked.get(i).headers());
                assertEquals(whole.get(i).bodyText(), chunked.get(i).bodyText());
                if (whole.get(i).isEvent()) {
                    assertEquals(EslEvent.of(whole.get(i)).headers(), EslEvent.of(chunked.get(i)).headers());
                }
            }
        }
    }

    @Test
    void utf8AndPercentEncodedValuesRoundTrip() {
        Random r = new Random(SEED);
        String alphabet = "aZ09 %+:;@=&?#\"\\{}|^`[]<>~!$'()*,-./_\t\r\néü€😀\u0001";
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(40);
            for (int i = 0; i < len; i++) {
                sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String value = sb.toString();
            if (value.isEmpty() || value.matches("(?s).*%[0-9A-F]{2}.*")) {
                continue; // FreeSWITCH's no-double-encoding quirk: such values do not round-trip by design
            }
            EslEvent e = EventDecodingConformanceTest.plain("Event-Name: X\nV: " + Percent.encode(value) + "\n\n");
            assertEquals(value, e.header("V"));
        }
    }

    @Test
    void sixteenMebibyteBodyArrivesWhole() {
        int size = FrameDecoder.MAX_CONTENT_LENGTH;
        byte[] head = bytes("Content-Type: api/response\nContent-Length: " + size + "\n\n");
        byte[] body = new byte[size];
        new Random(SEED).nextBytes(body);
        FrameDecoder d = new FrameDecoder();
        List<EslMessage> out = new ArrayList<>();
        d.decode(ByteBuffer.wrap(head), out::add);
        for (int p = 0; p < size; p += 65536) {
            d.decode(ByteBuffer.wrap(body, p, Math.min(65536, size - p)), out::add);
        }
        d.decode(ByteBuffer.wrap(bytes("Content-Type: auth/request\n\n")), out::add);
        assertEquals(2, out.size());
        assertEquals(size, out.get(0).bodyLength());
        byte[] got = out.get(0).body();
        assertEquals(body[0], got[0]);
        assertEquals(body[size - 1], got[size - 1]);
        assertTrue(java.util.Arrays.equals(body, got));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void mutatedCapturesNeverHangOrThrowAnythingButTheDecodersError() throws IOException {
        byte[] base = Frames.trace("c-bgapi-originate-park-lifecycle-plain.txt");
        byte[] json = Frames.trace("d-bgapi-originate-park-lifecycle-json.txt");
        Random r = new Random(SEED);
        for (int round = 0; round < 200; round++) {
            byte[] src = (round % 2 == 0 ? base : json).clone();
            byte[] data = java.util.Arrays.copyOf(src, Math.min(src.length, 8_000 + r.nextInt(20_000)));
            for (int k = 0; k < 1 + r.nextInt(8); k++) {
                data[r.nextInt(data.length)] = (byte) (r.nextBoolean() ? r.nextInt(256) : MUTATIONS.charAt(r.nextInt(MUTATIONS.length())));
            }
            feedExpectingOnlyProtocolErrors(data, r);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void randomGarbageNeverHangsOrThrowsAnythingButTheDecodersError() {
        Random r = new Random(SEED);
        for (int round = 0; round < 500; round++) {
            byte[] data = new byte[r.nextInt(4000)];
            for (int i = 0; i < data.length; i++) {
                data[i] = r.nextInt(4) == 0 ? (byte) r.nextInt(256) : (byte) GARBAGE.charAt(r.nextInt(GARBAGE.length()));
            }
            feedExpectingOnlyProtocolErrors(data, r);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void mutatedJsonAndXmlEventsFailOnlyWithTheDecodersError() {
        String json = "{\"Event-Name\":\"CUSTOM\",\"Event-Subclass\":\"a::b\",\"v\":[\"x\",\"y\"],\"u\":\"\\u00e9\\ud83d\\ude00\\n\","
                + "\"Content-Length\":\"3\",\"_body\":\"a\\tb\"}";
        String xml = "<event>\n  <headers>\n    <Event-Name>BACKGROUND_JOB</Event-Name>\n    <Empty/>\n    <A>%41&amp;</A>\n"
                + "  </headers>\n  <Content-Length>4</Content-Length>\n  <body>&lt;&#xE9;&#233;x\n  </body>\n</event>\n";
        Random r = new Random(SEED);
        for (int round = 0; round < 3000; round++) {
            boolean isJson = round % 2 == 0;
            byte[] b = bytes(isJson ? json : xml);
            int edits = 1 + r.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = r.nextInt(b.length);
                switch (r.nextInt(3)) {
                    case 0 -> b[at] = (byte) MUTATIONS.charAt(r.nextInt(MUTATIONS.length()));
                    case 1 -> b[at] = (byte) r.nextInt(256);
                    default -> b = java.util.Arrays.copyOf(b, Math.max(1, at));
                }
            }
            String type = isJson ? ContentTypes.EVENT_JSON : ContentTypes.EVENT_XML;
            byte[] head = bytes("Content-Length: " + b.length + "\nContent-Type: " + type + "\n\n");
            byte[] frame = new byte[head.length + b.length];
            System.arraycopy(head, 0, frame, 0, head.length);
            System.arraycopy(b, 0, frame, head.length, b.length);
            try {
                EslEvent e = EslEvent.of(EslMessage.parse(frame));
                e.name();
                e.headers();
                e.body();
                e.headerValues("v");
            } catch (EslProtocolException expected) {
                assertTrue(expected.getMessage().contains("offset"));
            }
        }
    }

    private static void feedExpectingOnlyProtocolErrors(byte[] data, Random r) {
        FrameDecoder d = new FrameDecoder();
        List<EslMessage> out = new ArrayList<>();
        try {
            int p = 0;
            while (p < data.length) {
                int n = Math.min(1 + r.nextInt(700), data.length - p);
                d.decode(data, p, n, out::add);
                p += n;
            }
        } catch (EslProtocolException expected) {
            assertTrue(expected.getMessage().contains("offset"));
        }
        for (EslMessage m : out) {
            try {
                if (m.isEvent() || m.isChannelData()) {
                    EslEvent e = EslEvent.of(m);
                    e.name();
                    e.headers();
                    e.body();
                    e.sequence();
                }
                m.headers();
                m.bodyText();
                m.replyText();
            } catch (EslProtocolException expected) {
                assertTrue(expected.getMessage().contains("offset"));
            }
        }
    }
}
