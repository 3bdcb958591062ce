package io.switchio.kernel.protocol;

import static io.switchio.kernel.protocol.Frames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** esl-protocol §16.2 event decoding cases E1-E10. */
class EventDecodingConformanceTest {

    static EslEvent plain(String text) {
        return EslEvent.of(EslMessage.parse(bytes(Frames.plainEvent(text))));
    }

    static EslEvent framed(String contentType, String text) {
        return EslEvent.of(EslMessage.parse(bytes("Content-Length: " + bytes(text).length + "\nContent-Type: "
                + contentType + "\n\n" + text)));
    }

    @Test
    void e1Heartbeat() {
        String text = "Event-Name: HEARTBEAT\nEvent-Sequence: 7\nUp-Time: 0%20years,%200%20days\n\n";
        assertEquals(72, bytes(text).length);
        EslEvent e = plain(text);
        assertEquals("HEARTBEAT", e.name());
        assertEquals("0 years, 0 days", e.header("Up-Time"));
        assertEquals("", e.body());
    }

    @Test
    void e2PercentDecodingKeepsPlusAndDoesNotDoubleDecode() {
        String text = "Event-Name: CUSTOM\nCaller-Caller-ID-Name: Jos%C3%A9\nPhone: %2B1%20555\nPct: %41%20and%20100%25\n\n";
        assertEquals(95, bytes(text).length);
        EslEvent e = plain(text);
        assertEquals("José", e.header("Caller-Caller-ID-Name"));
        assertEquals("+1 555", e.header("Phone"));
        assertEquals("A and 100%", e.header("Pct"));
        assertEquals("CUSTOM", e.name(), "CUSTOM without subclass keeps its name");
    }

    @Test
    void e3DuplicateHeadersAndArrays() {
        String text = "Event-Name: CHANNEL_HANGUP_COMPLETE\nUnique-ID: u1\nHangup-Cause: NORMAL_CLEARING\n"
                + "Hangup-Cause: NORMAL_CLEARING\nvariable_a: ARRAY%3A%3Ax%7C%3Ay\n\n";
        assertEquals(143, bytes(text).length);
        EslEvent e = plain(text);
        assertEquals(List.of("NORMAL_CLEARING", "NORMAL_CLEARING"), e.headerValues("Hangup-Cause"));
        assertEquals("ARRAY::x|:y", e.header("variable_a"));
        assertEquals(List.of("x", "y"), e.headerValues("variable_a"));
        assertEquals("u1", e.uniqueId());
    }

    @Test
    void e4BackgroundJobBody() {
        String text = "Event-Name: BACKGROUND_JOB\nJob-UUID: j1\nContent-Length: 7\n\n+OK u1\n";
        assertEquals(66, bytes(text).length);
        EslEvent e = plain(text);
        assertEquals("j1", e.header("Job-UUID"));
        assertEquals("+OK u1\n", e.body());
    }

    @Test
    void e5BackgroundJobWithoutBody() {
        String text = "Event-Name: BACKGROUND_JOB\nJob-UUID: j1\n\n";
        assertEquals(41, bytes(text).length);
        assertEquals("", plain(text).body());
    }

    @Test
    void e6InnerBodyWithBlankLinesAndHeaderLookalikes() {
        String text = "Event-Name: CHANNEL_HANGUP_COMPLETE\nUnique-ID: u1\nCDR-Attached: xml\nContent-Length: 26\n\n"
                + "a: b\n\nContent-Length: 999\n";
        assertEquals(114, bytes(text).length);
        EslEvent e = plain(text);
        assertEquals("a: b\n\nContent-Length: 999\n", e.body());
        assertNull(e.header("a"));
        assertEquals(4, e.headerCount());
        assertEquals("26", e.header("Content-Length"));
    }

    @Test
    void e7SendeventCustomEvent() {
        String text = "Event-Subclass: myapp%3A%3Aping\n"
                + "Command: sendevent%20CUSTOM%0AEvent-Subclass%3A%20myapp%3A%3Aping%0AFoo%3A%20bar%20baz%0A%0A\n"
                + "Foo: bar%20baz\nEvent-UUID: 9e1c3f52-07b2-11ef-a1b2-0242ac120002\nEvent-Name: CUSTOM\n"
                + "Core-UUID: 6d3f0b8e-1f2a-4c5b-9a7e-2b1c0d9e8f7a\nFreeSWITCH-Hostname: fs1\nFreeSWITCH-Switchname: fs1\n"
                + "FreeSWITCH-IPv4: 192.0.2.10\nFreeSWITCH-IPv6: %3A%3A1\nEvent-Date-Local: 2024-05-01%2012%3A00%3A09\n"
                + "Event-Date-GMT: Wed,%2001%20May%202024%2012%3A00%3A09%20GMT\nEvent-Date-Timestamp: 1714564809654321\n"
                + "Event-Calling-File: mod_event_socket.c\nEvent-Calling-Function: parse_command\n"
                + "Event-Calling-Line-Number: 2307\nEvent-Sequence: 5110\n\n";
        assertEquals(635, bytes(text).length);
        EslEvent e = plain(text);
        assertEquals("CUSTOM", e.header("Event-Name"));
        assertEquals("myapp::ping", e.name());
        assertEquals("sendevent CUSTOM\nEvent-Subclass: myapp::ping\nFoo: bar baz\n\n", e.header("Command"));
        assertEquals(5110, e.sequence());
        assertEquals(1714564809L, e.timestamp().orElseThrow().getEpochSecond());
    }

    @Test
    void e8JsonWithDuplicateKeysArraysEscapesAndBody() {
        String json = "{\"Event-Name\":\"CHANNEL_HANGUP_COMPLETE\",\"Hangup-Cause\":\"NORMAL_CLEARING\","
                + "\"Hangup-Cause\":\"NORMAL_CLEARING\",\"variable_a\":[\"x\",\"y\"],"
                + "\"Caller-Caller-ID-Name\":\"José \\\"J\\\"\",\"Content-Length\":\"4\",\"_body\":\"a\\tb\\n\"}";
        assertEquals(205, bytes(json).length);
        EslEvent e = framed(ContentTypes.EVENT_JSON, json);
        assertEquals("CHANNEL_HANGUP_COMPLETE", e.name());
        assertEquals(2, e.headerValues("Hangup-Cause").size());
        assertEquals(List.of("x", "y"), e.headerValues("variable_a"));
        assertEquals("José \"J\"", e.header("Caller-Caller-ID-Name"));
        assertEquals("a\tb\n", e.body());
        assertEquals(ContentTypes.EVENT_JSON, e.contentType());
    }

    @Test
    void e9XmlBodyTrimmedToContentLength() {
        String xml = "<event>\n  <headers>\n    <Event-Name>BACKGROUND_JOB</Event-Name>\n    <Job-UUID>j1</Job-UUID>\n"
                + "  </headers>\n  <Content-Length>7</Content-Length>\n  <body>+OK u1\n  </body>\n</event>\n";
        assertEquals(176, bytes(xml).length);
        EslEvent e = framed(ContentTypes.EVENT_XML, xml);
        assertEquals("BACKGROUND_JOB", e.name());
        assertEquals("j1", e.header("Job-UUID"));
        assertEquals("+OK u1\n", e.body());
    }

    @Test
    void e10OutboundConnectReplyIsDecodedChannelData() {
        String block = "Event-Name: CHANNEL_DATA\nCore-UUID: 6d3f0b8e-1f2a-4c5b-9a7e-2b1c0d9e8f7a\nEvent-Sequence: 812\n"
                + "Channel-Direction: inbound\nChannel-Unique-ID: 0d6a2c1e-07b2-11ef-a1b2-0242ac120002\n"
                + "Channel-State: CS_EXECUTE\nChannel-Call-State: RINGING\nChannel-Name: sofia/internal/1000%40192.0.2.20\n"
                + "Unique-ID: 0d6a2c1e-07b2-11ef-a1b2-0242ac120002\nCall-Direction: inbound\nAnswer-State: ringing\n"
                + "Caller-Destination-Number: 9999\nvariable_socket_host: 127.0.0.1\nContent-Type: command/reply\n"
                + "Reply-Text: %2BOK%0A\nSocket-Mode: async\nControl: full\n\n";
        EslMessage m = EslMessage.parse(bytes(block));
        assertTrue(m.isReply());
        assertTrue(m.isChannelData());
        assertEquals("+OK\n", m.replyText());
        assertEquals(0, m.bodyLength());
        EslEvent e = EslEvent.of(m);
        assertEquals("CHANNEL_DATA", e.name());
        assertEquals("sofia/internal/1000@192.0.2.20", e.header("Channel-Name"));
        assertEquals(812, e.sequence());
    }

    @Test
    void undefValueReadsAsEmptyAndMissingHeaderAsNull() {
        EslEvent e = plain("Event-Name: X\nEmpty: _undef_\n\n");
        assertEquals("", e.header("Empty"));
        assertNull(e.header("Missing"));
        assertTrue(e.headerValues("Missing").isEmpty());
        assertFalse(e.timestamp().isPresent());
        assertEquals(-1, e.sequence());
    }

    @Test
    void outerHeadersOfRepliesAreNeverPercentDecoded() {
        EslMessage m = EslMessage.parse(bytes("Content-Type: command/reply\nReply-Text: +OK 100%25 done\n\n"));
        assertEquals("+OK 100%25 done", m.replyText());
    }

    @Test
    void multiLineSdpValueSurvives() {
        String sdp = "v=0\r\no=FreeSWITCH 1 2 IN IP4 172.16.7.70\r\nm=audio 4016 RTP/AVP 0\r\na=rtcp:4017 IN IP4 172.16.7.70\r\n";
        EslEvent e = plain("Event-Name: CHANNEL_CREATE\nvariable_switch_r_sdp: " + Percent.encode(sdp) + "\nChannel-State: CS_INIT\n\n");
        assertEquals(sdp, e.header("variable_switch_r_sdp"));
        assertEquals("CS_INIT", e.header("Channel-State"));
    }

    @Test
    void aRawContinuationLineExtendsThePreviousValueInsteadOfFailing() {
        EslEvent e = plain("Event-Name: CUSTOM\nvariable_raw: v=0\no=x 1 2\nEvent-Sequence: 9\n\n");
        assertEquals("v=0\no=x 1 2", e.header("variable_raw"));
        assertEquals(9, e.sequence());
        assertEquals(3, e.headerCount());
    }

    @Test
    void sequenceIsFoundWithoutIndexingAndAgreesWithTheIndex() {
        EslEvent e = plain("Event-Name: HEARTBEAT\nCore-UUID: c\nEvent-Sequence:   12345\nX: y\n\n");
        assertEquals(12345, e.sequence(), "scan before any header access");
        assertEquals("12345", e.header("Event-Sequence"));
        assertEquals(12345, e.sequence(), "from the index");
        assertEquals(-1, plain("Event-Name: X\n\nEvent-Sequence: 5\n").sequence(), "a body line is not a header");
        assertEquals(-1, plain("Event-Name: X\nEvent-Sequence: 5x\n\n").sequence());
    }
}
