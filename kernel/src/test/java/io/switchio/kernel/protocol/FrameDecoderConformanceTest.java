package io.switchio.kernel.protocol;

import static io.switchio.kernel.protocol.Frames.bytes;
import static io.switchio.kernel.protocol.Frames.decode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** esl-protocol §16.1 client framing cases F1-F13. */
class FrameDecoderConformanceTest {

    private static final String F1 = "Content-Type: auth/request\n\n";
    private static final String GOODBYE = "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
            + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

    @Test
    void f1AuthRequestWithoutBody() {
        List<EslMessage> m = decode(F1);
        assertEquals(1, m.size());
        assertEquals("auth/request", m.get(0).contentType());
        assertEquals(0, m.get(0).bodyLength());
    }

    @Test
    void f2OneBytePerChunkEmitsOnlyAfterTheLastByte() {
        FrameDecoder d = new FrameDecoder();
        byte[] b = bytes(F1);
        List<EslMessage> out = new ArrayList<>();
        for (int i = 0; i < b.length; i++) {
            d.decode(ByteBuffer.wrap(b, i, 1), out::add);
            assertEquals(i == b.length - 1 ? 1 : 0, out.size(), "after byte " + i);
        }
        assertEquals("auth/request", out.get(0).contentType());
    }

    @Test
    void f3SplitBetweenTheTwoLineFeeds() {
        FrameDecoder d = new FrameDecoder();
        assertEquals(0, decode(d, bytes("Content-Type: auth/request\n")).size());
        assertEquals(1, decode(d, bytes("\n")).size());
    }

    @Test
    void f4ReplyThenApiResponse() {
        List<EslMessage> m = decode("Content-Type: command/reply\nReply-Text: +OK accepted\n\n"
                + "Content-Type: api/response\nContent-Length: 14\n\n-ERR no reply\n");
        assertEquals(2, m.size());
        assertEquals("+OK accepted", m.get(0).replyText());
        assertEquals("-ERR no reply\n", m.get(1).bodyText());
        assertTrue(m.get(1).isError());
    }

    @Test
    void f5BodyWithoutNewlineThenNextFrame() {
        List<EslMessage> m = decode("Content-Type: api/response\nContent-Length: 7\n\n_undef_"
                + "Content-Type: command/reply\nReply-Text: +OK\n\n");
        assertEquals(2, m.size());
        assertEquals("_undef_", m.get(0).bodyText());
        assertEquals("+OK", m.get(1).replyText());
    }

    @Test
    void f6BodyWithBlankLines() {
        List<EslMessage> m = decode("Content-Type: api/response\nContent-Length: 14\n\nline1\n\nline3\n\n");
        assertEquals(1, m.size());
        assertEquals("line1\n\nline3\n\n", m.get(0).bodyText());
    }

    @Test
    void f7SplitInsideContentLengthAndBody() {
        List<EslMessage> m = decode("Content-Type: api/response\nContent-Len", "gth: 1", "4\n\nline1\n\nli", "ne3\n\n");
        assertEquals(1, m.size());
        assertEquals("line1\n\nline3\n\n", m.get(0).bodyText());
    }

    @Test
    void f8SplitInsideAMultiByteCharacter() {
        FrameDecoder d = new FrameDecoder();
        byte[] head = bytes("Content-Type: api/response\nContent-Length: 8\n\n");
        List<EslMessage> m = decode(d, head, new byte[] {0x47, 0x72, (byte) 0xC3},
                new byte[] {(byte) 0xBC, (byte) 0xC3, (byte) 0x9F, 0x65, 0x0A});
        assertEquals(1, m.size());
        assertArrayEquals(new byte[] {0x47, 0x72, (byte) 0xC3, (byte) 0xBC, (byte) 0xC3, (byte) 0x9F, 0x65, 0x0A}, m.get(0).body());
        assertEquals("Grüße\n", m.get(0).bodyText());
    }

    @Test
    void f9LingerNoticeThenHeartbeat() {
        List<EslMessage> m = decode("Content-Type: text/disconnect-notice\nControlled-Session-UUID: u1\n"
                + "Content-Disposition: linger\nChannel-Name: sofia/internal/1000@192.0.2.20\nLinger-Time: 10\n"
                + "Content-Length: 0\n\nContent-Length: 72\nContent-Type: text/event-plain\n\n"
                + "Event-Name: HEARTBEAT\nEvent-Sequence: 7\nUp-Time: 0%20years,%200%20days\n\n");
        assertEquals(2, m.size());
        assertEquals("linger", m.get(0).header("Content-Disposition"));
        assertEquals("sofia/internal/1000@192.0.2.20", m.get(0).header("Channel-Name"));
        assertEquals(0, m.get(0).bodyLength());
        EslEvent e = EslEvent.of(m.get(1));
        assertEquals("HEARTBEAT", e.name());
        assertEquals(7, e.sequence());
    }

    @Test
    void f10DisconnectNoticeIsOneFrameAndNothingPends() {
        FrameDecoder d = new FrameDecoder();
        List<EslMessage> m = decode(d, bytes(GOODBYE));
        assertEquals(1, m.size());
        assertTrue(m.get(0).bodyText().startsWith("Disconnected, goodbye."));
        assertEquals(0, d.pendingBytes());
    }

    @Test
    void f11PartialFrameAtEofIsNotDelivered() {
        FrameDecoder d = new FrameDecoder();
        List<EslMessage> m = decode(d, bytes("Content-Type: api/response\nContent-Length: 10\n\nabc"));
        assertEquals(0, m.size());
        assertTrue(d.pendingBytes() > 0, "the transport sees a partial frame at EOF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "16777217", "", "1x"})
    void f12BadContentLengthIsAProtocolErrorNamingTheOffset(String value) {
        FrameDecoder d = new FrameDecoder();
        EslProtocolException e = assertThrows(EslProtocolException.class,
                () -> decode(d, bytes("Content-Type: api/response\nContent-Length: " + value + "\n\n")));
        assertEquals(43, e.offset(), "offset of the value: " + e.getMessage());
        assertTrue(e.reason().contains("Content-Length"), e.getMessage());
        assertThrows(EslProtocolException.class, () -> decode(d, bytes(F1)), "the decoder stays failed");
    }

    @Test
    void f12ZeroContentLengthIsAnEmptyBody() {
        List<EslMessage> m = decode("Content-Type: api/response\nContent-Length: 0\n\n" + F1);
        assertEquals(2, m.size());
        assertEquals("", m.get(0).bodyText());
    }

    @Test
    void f13RudeRejectionThenGoodbye() {
        List<EslMessage> m = decode("Content-Type: text/rude-rejection\nContent-Length: 24\n\nAccess Denied, go away.\n" + GOODBYE);
        assertEquals(2, m.size());
        assertEquals(ContentTypes.RUDE_REJECTION, m.get(0).contentType());
        assertEquals("Access Denied, go away.\n", m.get(0).bodyText());
        assertEquals(ContentTypes.DISCONNECT_NOTICE, m.get(1).contentType());
    }

    @Test
    void headerLineWithoutColonIsAnErrorNamingTheOffset() {
        EslProtocolException e = assertThrows(EslProtocolException.class,
                () -> decode("Content-Type: command/reply\nReply-Text: +OK\nGARBAGE\n\n"));
        assertEquals(44, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("GARBAGE"));
    }

    @Test
    void crlfTerminatorsAndLeadingBlankLinesAreTolerated() {
        List<EslMessage> m = decode("\n\r\nContent-Type: command/reply\r\nReply-Text: +OK\r\n\r\n", "Content-Type: auth/request\n\r\n");
        assertEquals(2, m.size());
        assertEquals("+OK", m.get(0).replyText());
        assertEquals("auth/request", m.get(1).contentType());
    }

    @Test
    void streamOffsetsCountEveryByte() {
        List<EslMessage> m = decode(F1 + F1, F1);
        assertEquals(List.of(0L, 28L, 56L), m.stream().map(EslMessage::streamOffset).toList());
    }
}
