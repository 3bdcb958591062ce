package io.switchio.bench.simulator;

import io.switchio.testkit.engine.EventCodec;
import io.switchio.testkit.engine.SimEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Cost of serialising one capture-sized channel event (~110 headers, SIP variables with SDP) in the
 * three formats; this bounds how many events per second the simulator can write to an
 * {@code event ... ALL} subscriber.
 *
 * <p>Threading: JMH benchmark state, one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventSerializationBenchmark {
    private SimEvent event;

    @Setup
    public void setup() {
        SimEvent e = new SimEvent("CHANNEL_EXECUTE_COMPLETE");
        e.add("Event-Name", "CHANNEL_EXECUTE_COMPLETE").add("Core-UUID", "053e8bb4-01ed-4d84-80e9-a50f5d34288e")
                .add("FreeSWITCH-Hostname", "vm").add("FreeSWITCH-Switchname", "vm")
                .add("FreeSWITCH-IPv4", "127.0.0.1").add("FreeSWITCH-IPv6", "::1")
                .add("Event-Date-Local", "2026-11-26 17:01:45")
                .add("Event-Date-GMT", "Thu, 26 Nov 2026 17:01:45 GMT")
                .add("Event-Date-Timestamp", "1795712505901980").add("Event-Calling-File", "switch_core_session.c")
                .add("Event-Calling-Function", "switch_core_session_exec").add("Event-Calling-Line-Number", "2967")
                .add("Event-Sequence", "601").add("Channel-State", "CS_EXECUTE").add("Channel-Call-State", "ACTIVE")
                .add("Channel-Name", "sofia/external/sipp@127.0.0.1:5070")
                .add("Unique-ID", "ddd7ee0f-2e83-4e17-ae3b-0f1f73f64369");
        for (int i = 0; i < 30; i++) {
            e.add("Caller-Header-" + i, "value " + i);
        }
        for (int i = 0; i < 60; i++) {
            e.add("variable_sip_var_" + i, "sip:user" + i + "@127.0.0.1:5070;tag=" + i);
        }
        e.add("variable_switch_r_sdp", "v=0\r\no=user1 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\n"
                + "c=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 16900 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");
        e.add("Application", "playback").add("Application-Data", "tone_stream://%(251,0,1004)")
                .add("Application-Response", "FILE PLAYED");
        event = e;
    }

    @Benchmark
    public byte[] plain() {
        return EventCodec.plain(event);
    }

    @Benchmark
    public byte[] json() {
        return EventCodec.json(event);
    }

    @Benchmark
    public byte[] xml() {
        return EventCodec.xml(event);
    }
}
