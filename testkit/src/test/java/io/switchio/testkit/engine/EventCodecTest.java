package io.switchio.testkit.engine;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Golden serialisations from esl-protocol.md §8. */
class EventCodecTest {

    private static SimEvent backgroundJob() {
        SimEvent e = new SimEvent("BACKGROUND_JOB");
        e.add("Event-Name", "BACKGROUND_JOB").add("Core-UUID", "6d3f0b8e-1f2a-4c5b-9a7e-2b1c0d9e8f7a")
                .add("FreeSWITCH-Hostname", "fs1").add("FreeSWITCH-Switchname", "fs1")
                .add("FreeSWITCH-IPv4", "192.0.2.10").add("FreeSWITCH-IPv6", "::1")
                .add("Event-Date-Local", "2024-05-01 12:00:03").add("Event-Date-GMT", "Wed, 01 May 2024 12:00:03 GMT")
                .add("Event-Date-Timestamp", "1714564803123456").add("Event-Calling-File", "mod_event_socket.c")
                .add("Event-Calling-Function", "api_exec").add("Event-Calling-Line-Number", "1580")
                .add("Event-Sequence", "5021").add("Job-UUID", "3a5c9a2e-07b1-11ef-a1b2-0242ac120002")
                .add("Job-Command", "originate")
                .add("Job-Command-Arg", "{origination_uuid=f81d4fae-7dec-11d0-a765-00a0c91e6bf6}loopback/9999 &park()");
        return e.body("+OK f81d4fae-7dec-11d0-a765-00a0c91e6bf6\n");
    }

    @Test
    void urlEncodingMatchesTheReferenceTable() {
        assertEquals("sofia/internal/1000%40192.0.2.20", EventCodec.urlEncode("sofia/internal/1000@192.0.2.20"));
        assertEquals("2024-05-01%2012%3A00%3A03", EventCodec.urlEncode("2024-05-01 12:00:03"));
        assertEquals("%2B4930123456", EventCodec.urlEncode("+4930123456"));
        assertEquals("Jos%C3%A9%20M%C3%BCller", EventCodec.urlEncode("José Müller"));
        assertEquals("a%3D1%3Bb%3D2", EventCodec.urlEncode("a=1;b=2"));
        assertEquals("0%20years,%200%20days", EventCodec.urlEncode("0 years, 0 days"));
        assertEquals("100%25", EventCodec.urlEncode("100%"));
        assertEquals("%41%20and%20100%25", EventCodec.urlEncode("%41 and 100%"));
        assertEquals("ARRAY%3A%3Aone%7C%3Atwo%7C%3Athree", EventCodec.urlEncode("ARRAY::one|:two|:three"));
        assertEquals("tone_stream%3A//%25(251,0,1004)", EventCodec.urlEncode("tone_stream://%(251,0,1004)"));
    }

    @Test
    void plainBackgroundJobIsByteExact() {
        byte[] frame = backgroundJob().frame(EventFormat.PLAIN);
        String text = new String(frame, StandardCharsets.UTF_8);
        assertEquals("Content-Length: 683\nContent-Type: text/event-plain\n\nEvent-Name: BACKGROUND_JOB\n", text.substring(0, 79));
        assertEquals("Job-Command-Arg: %7Borigination_uuid%3Df81d4fae-7dec-11d0-a765-00a0c91e6bf6%7Dloopback/9999%20%26park()\n"
                + "Content-Length: 41\n\n+OK f81d4fae-7dec-11d0-a765-00a0c91e6bf6\n", text.substring(text.indexOf("Job-Command-Arg")));
    }

    @Test
    void jsonBackgroundJobIsByteExact() {
        String json = new String(EventCodec.json(backgroundJob()), StandardCharsets.UTF_8);
        assertEquals(712, json.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(true, json.endsWith(",\"Content-Length\":\"41\",\"_body\":\"+OK f81d4fae-7dec-11d0-a765-00a0c91e6bf6\\n\"}"));
        assertEquals(true, json.contains("\"FreeSWITCH-IPv6\":\"::1\""));
    }

    @Test
    void xmlBackgroundJobHasTheTrailingSpaceQuirk() {
        String xml = new String(EventCodec.xml(backgroundJob()), StandardCharsets.UTF_8);
        assertEquals(1125, xml.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(true, xml.endsWith("  <Content-Length>41</Content-Length>\n  <body>+OK f81d4fae-7dec-11d0-a765-00a0c91e6bf6\n  </body>\n</event>\n"));
    }

    @Test
    void arraysAndEmptyValues() {
        SimEvent e = new SimEvent("CUSTOM").add("Event-Name", "CUSTOM").add("variable_a", "ARRAY::x|:y")
                .addRaw("Empty", "");
        assertEquals("Event-Name: CUSTOM\nvariable_a: ARRAY%3A%3Ax%7C%3Ay\nEmpty: _undef_\n\n",
                new String(EventCodec.plain(e), StandardCharsets.UTF_8));
        assertEquals("{\"Event-Name\":\"CUSTOM\",\"variable_a\":[\"x\",\"y\"],\"Empty\":\"\"}",
                new String(EventCodec.json(e), StandardCharsets.UTF_8));
        e.body("");
        assertEquals(true, new String(EventCodec.json(e), StandardCharsets.UTF_8).endsWith(",\"Content-Length\":\"0\",\"_body\":\"\"}"));
    }
}
