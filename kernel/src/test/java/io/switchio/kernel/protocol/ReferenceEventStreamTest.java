package io.switchio.kernel.protocol;

import static io.switchio.kernel.protocol.Frames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Python original's two stream tests (switchio-reference §9.2, {@code test_parse_event_stream1}
 * and {@code test_parse_segmented_event_stream}), reproduced with our own fixture data.
 */
class ReferenceEventStreamTest {

    private static final String SDP = "v=0\r\no=FreeSWITCH 1714560000 1714560001 IN IP4 172.16.7.70\r\ns=FreeSWITCH\r\n"
            + "c=IN IP4 172.16.7.70\r\nt=0 0\r\nm=audio 4016 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
            + "a=rtcp:4017 IN IP4 172.16.7.70\r\n";

    @Test
    void parseEventStream1() {
        String create = "Event-Name: CHANNEL_CREATE\nCore-UUID: c0\nEvent-Sequence: 100\nChannel-State: CS_INIT\n"
                + "Unique-ID: u1\nvariable_switch_r_sdp: " + Percent.encode(SDP) + "\nvariable_sip_from_user: 1000\n\n";
        String stream = "Content-Type: auth/request\n\n"
                + "Content-Type: command/reply\nReply-Text: +OK accepted\n\n"
                + "Content-Type: command/reply\nReply-Text: +OK bye\n\n"
                + "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
                + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n"
                + Frames.plainEvent(create);
        List<EslMessage> m = Frames.decode(stream);
        assertEquals(5, m.size());
        assertEquals(1, m.get(0).headerCount());
        assertEquals("+OK accepted", m.get(1).header("Reply-Text"));
        assertEquals("+OK bye", m.get(2).header("Reply-Text"));
        assertTrue(m.get(3).bodyLength() > 0);
        EslEvent e = EslEvent.of(m.get(4));
        assertEquals("CS_INIT", e.header("Channel-State"));
        String sdp = e.header("variable_switch_r_sdp");
        assertTrue(sdp.startsWith("v=0"));
        assertTrue(sdp.strip().endsWith("a=rtcp:4017 IN IP4 172.16.7.70"));
        assertEquals("1000", e.header("variable_sip_from_user"), "the header after the multi-line value is intact");
    }

    @Test
    void parseSegmentedEventStream() {
        String job = "8de782e0-5e2a-4d3e-9c9e-3f0a2b1c4d5e";
        String reply1 = "Content-Type: command/reply\nReply-Text: +OK Job-UUID: " + job + "\nJob-UUID: " + job + "\n\n";
        String bg1 = Frames.plainEvent("Event-Name: BACKGROUND_JOB\nJob-UUID: " + job + "\nJob-Command: originate\n"
                + "Event-Sequence: 7\nContent-Length: 41\n\n+OK f81d4fae-7dec-11d0-a765-00a0c91e6bf6\n");
        String park = Frames.plainEvent("Event-Name: CHANNEL_PARK\nUnique-ID: f81d4fae-7dec-11d0-a765-00a0c91e6bf6\nEvent-Sequence: 8\n\n");
        String bg2 = Frames.plainEvent("Event-Name: BACKGROUND_JOB\nJob-UUID: j2\nEvent-Sequence: 9\nContent-Length: 14\n\n-ERR NO_ANSWER\n");
        String reply2 = "Content-Type: command/reply\nReply-Text: +OK Job-UUID: j3\nJob-UUID: j3\n\n";

        int bg1Head = bg1.indexOf("\n\n") + 2;
        int bg2Cut = bg2.indexOf("\n\n") + 2 + "Event".length();
        String[] chunks = {
            reply1 + bg1.substring(0, bg1Head),
            bg1.substring(bg1Head) + park + bg2.substring(0, bg2Cut),
            bg2.substring(bg2Cut) + reply2.substring(0, 20),
            reply2.substring(20)};

        FrameDecoder d = new FrameDecoder();
        List<EslMessage> out = new ArrayList<>();
        d.decode(java.nio.ByteBuffer.wrap(bytes(chunks[0])), out::add);
        assertEquals(1, out.size());
        assertEquals(job, out.get(0).header("Job-UUID"));
        assertEquals(bg1Head, d.pendingBytes(), "the pending event's two outer headers wait for their body");

        out.clear();
        d.decode(java.nio.ByteBuffer.wrap(bytes(chunks[1])), out::add);
        assertEquals(2, out.size());
        assertEquals("+OK f81d4fae-7dec-11d0-a765-00a0c91e6bf6\n", EslEvent.of(out.get(0)).body());
        assertEquals("CHANNEL_PARK", EslEvent.of(out.get(1)).name());
        assertEquals(bg2Cut, d.pendingBytes(), "the next frame's head and 'Event' are pending");

        out.clear();
        d.decode(java.nio.ByteBuffer.wrap(bytes(chunks[2])), out::add);
        assertEquals(1, out.size());
        assertEquals("BACKGROUND_JOB", EslEvent.of(out.get(0)).name());
        assertTrue(d.pendingBytes() > 0);

        out.clear();
        d.decode(java.nio.ByteBuffer.wrap(bytes(chunks[3])), out::add);
        assertEquals(1, out.size());
        assertTrue(out.get(0).replyText().startsWith("+OK Job-UUID"));
        assertEquals(0, d.pendingBytes());
    }
}
