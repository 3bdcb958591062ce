package io.switchio.kernel.protocol;

import static io.switchio.kernel.protocol.Frames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
            int either = -1;
            for (int i = from; i < b.length; i++) {
                if (b[i] == '\n' || b[i] == ':') {
                    either = i;
                    break;
                }
            }
            assertEquals(either, HeaderBlock.indexOfColonOrLineFeed(b, from, b.length));
        }
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
}
