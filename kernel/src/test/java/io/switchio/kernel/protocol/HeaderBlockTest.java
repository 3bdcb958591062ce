package io.switchio.kernel.protocol;

import static io.switchio.kernel.protocol.Frames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderBlockTest {

    @Test
    void wordWiseLineFeedSearchAgreesWithAByteLoop() {
        Random r = new Random(7);
        for (int round = 0; round < 5000; round++) {
            byte[] b = new byte[r.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                int pick = r.nextInt(10);
                b[i] = pick == 0 ? (byte) '\n' : pick == 1 ? (byte) 0x8A : pick == 2 ? (byte) 0x0B : pick == 3 ? (byte) ':' : pick == 4 ? (byte) 0xBA : (byte) r.nextInt(256);
            }
            int from = b.length == 0 ? 0 : r.nextInt(b.length);
            int expected = -1;
            for (int i = from; i < b.length; i++) {
                if (b[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, HeaderBlock.indexOfLineFeed(b, from, b.length));
        }
    }

    @Test
    void packedIndexAgreesWithALineByLineReadingOnRandomBlocks() {
        Random r = new Random(11);
        byte[] alphabet = {':', ':', '\n', '\n', '\r', ' ', '\t', 0x0B, ';', '*', '+', 0x1A, 0x1B, (byte) 0x8A, (byte) 0xBA, 'a', 'b', '%', '2'};
        for (int round = 0; round < 20000; round++) {
            int len = round % 1000 == 0 ? 70_000 + r.nextInt(2000) : r.nextInt(90);
            byte[] b = new byte[len];
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextInt(4) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) ('A' + r.nextInt(26));
            }
            int from = b.length == 0 ? 0 : r.nextInt(Math.min(b.length, 9));
            assertSameLines(b, from, b.length);
        }
    }

    @Test
    void packedIndexAgreesWithALineByLineReadingOnMostlyRegularBlocks() {
        Random r = new Random(13);
        String[] odd = {"", "\r", "no colon", "two: colons: here", ":", " ", "\t:", "x:\r"};
        for (int round = 0; round < 5000; round++) {
            StringBuilder s = new StringBuilder();
            int lines = r.nextInt(60);
            for (int i = 0; i < lines; i++) {
                if (r.nextInt(40) == 0) {
                    s.append(odd[r.nextInt(odd.length)]);
                } else {
                    s.append("Name-").append(i).append(':').append(" ".repeat(r.nextInt(3)))
                            .append("v%20".repeat(r.nextInt(12)));
                }
                s.append(r.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            if (r.nextBoolean()) {
                s.append("\nbody: with: colons\n\n");
            }
            byte[] b = bytes(s.toString());
            assertSameLines(b, 0, b.length);
            if (b.length > 3) {
                assertSameLines(b, 0, b.length - 3);
            }
        }
    }

    /** Reads the block line by line, byte by byte (the rules of esl-protocol §2.1, lenient). */
    private static void assertSameLines(byte[] b, int from, int to) {
        HeaderBlock h = HeaderBlock.parseLenient(b, from, to);
        List<String[]> expected = new ArrayList<>();
        int p = from;
        int end = to;
        while (p < to) {
            int nl = p;
            while (nl < to && b[nl] != '\n') {
                nl++;
            }
            int lineEnd = nl > p && b[nl - 1] == '\r' ? nl - 1 : nl;
            if (lineEnd == p) {
                end = Math.min(nl + 1, to);
                break;
            }
            int colon = p;
            while (colon < lineEnd && b[colon] != ':') {
                colon++;
            }
            if (colon == lineEnd) {
                if (!expected.isEmpty()) {
                    String[] last = expected.get(expected.size() - 1);
                    last[1] = ValueDecoder.raw(b, Integer.parseInt(last[2]), lineEnd);
                }
            } else {
                int vs = colon + 1;
                while (vs < lineEnd && (b[vs] == ' ' || b[vs] == '\t')) {
                    vs++;
                }
                expected.add(new String[] {new String(b, p, colon - p, StandardCharsets.ISO_8859_1),
                    ValueDecoder.raw(b, vs, lineEnd), Integer.toString(vs)});
            }
            p = nl + 1;
            end = Math.min(p, to);
        }
        assertEquals(expected.size(), h.size(), "line count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], h.name(i));
            assertEquals(expected.get(i)[1], h.rawValue(i));
        }
        assertEquals(end, h.end());
    }

    @Test
    void indexOfAChannelEventIsSmall() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 137; i++) {
            s.append("Variable_header_").append(i).append(": ").append("v%20".repeat(6)).append('\n');
        }
        byte[] b = bytes(s.append('\n').toString());
        HeaderBlock h = HeaderBlock.parseLenient(b, 0, b.length);
        assertEquals(137, h.size());
        assertEquals("v v v v v v ", h.value(136));
        assertTrue(h.indexBytes() < 1024, "index of 137 lines takes " + h.indexBytes() + " bytes");
    }

    @Test
    void indexesLinesAndDecodesOnlyWhatIsRead() {
        byte[] b = bytes("A: 1\nLong-Value: " + "x".repeat(100) + "%20y\nTabbed:\tv\nEmpty:\n\nbody");
        HeaderBlock h = HeaderBlock.parse(b, 0, b.length, true, 0);
        assertEquals(4, h.size());
        assertEquals("x".repeat(100) + " y", h.value(h.indexOf("Long-Value")));
        assertEquals("v", h.value(h.indexOf("Tabbed")));
        assertEquals("", h.value(h.indexOf("Empty")));
        assertEquals("body", new String(b, h.end(), b.length - h.end()));
    }

    @Test
    void valuesReadInAnyOrderAndRepeatedlyAreDecodedOnceAndStayTheSame() {
        byte[] b = bytes("A: 1%202\nB: _undef_\nC: three\nD: %E2%82%AC\n\n");
        HeaderBlock h = HeaderBlock.parse(b, 0, b.length, true, 0);
        String c = h.value(2);
        assertEquals("three", c);
        assertSame(c, h.value(2), "the first value read is kept");
        assertEquals("", h.value(1), "_undef_ reads as empty");
        assertSame(c, h.value(2), "still the same after the cache grew");
        assertEquals("1 2", h.value(0));
        assertEquals("\u20ac", h.value(3));
        assertSame(h.value(0), h.value(0));
    }
}
