package io.switchio.bench.runtime;

import java.nio.charset.StandardCharsets;

/**
 * Builds {@code text/event-plain} frames shaped like FreeSWITCH's channel events (about 5 KB:
 * caller profile plus ~90 channel variables, of which 13 lines, ~500 bytes, change with the
 * event's sequence number, as a channel's state and variables do between its events), with a
 * fixed-width {@code X-Bench-Nanos} header that the harness patches with
 * {@link System#nanoTime()} just before writing, so the app callback can measure
 * event-to-callback latency.
 *
 * <p>Threading: immutable after construction; {@link #stamp} writes into the caller's buffer.
 */
final class EventFrames {

    /** Digits of the patched nanos field. */
    static final int NANOS_WIDTH = 19;

    private EventFrames() {
    }

    /** One frame; {@code nanosAt} receives the offset of the nanos digits inside it. */
    static byte[] frame(String name, String uuid, long sequence, int targetBodyBytes, int[] nanosAt) {
        StringBuilder body = new StringBuilder(targetBodyBytes + 256);
        body.append("Event-Name: ").append(name).append('\n');
        body.append("Core-UUID: 7f4de4bc-17d7-11e9-8b07-ab9a4c5c2a8a\n");
        body.append("FreeSWITCH-Hostname: bench\nFreeSWITCH-Switchname: bench\nFreeSWITCH-IPv4: 127.0.0.1\n");
        body.append("Event-Date-Local: 2026-11-26%2018%3A00%3A00\nEvent-Date-GMT: Thu,%2026%20Nov%202026%2018%3A00%3A00%20GMT\n");
        body.append("Event-Date-Timestamp: 1795716000000000\nEvent-Calling-File: switch_channel.c\n");
        body.append("Event-Calling-Function: switch_channel_perform_set_callstate\nEvent-Calling-Line-Number: 321\n");
        body.append("Event-Sequence: ").append(sequence).append('\n');
        body.append("Unique-ID: ").append(uuid).append('\n');
        body.append("Call-Direction: inbound\nChannel-State: CS_EXECUTE\nChannel-Call-State: ACTIVE\nAnswer-State: answered\n");
        body.append("Channel-Name: sofia/external/1000%40127.0.0.1%3A5080\n");
        body.append("Caller-Destination-Number: 9999\nCaller-Caller-ID-Number: 1000\nCaller-Context: public\n");
        body.append("variable_sip_h_X-switchio_app: bench\nvariable_call_uuid: ").append(uuid).append('\n');
        if (name.equals("CHANNEL_DESTROY")) {
            body.append("Hangup-Cause: NORMAL_CLEARING\n"); // as every captured CHANNEL_DESTROY has
        }
        body.append("X-Bench-Nanos: ");
        int nanosInBody = body.length();
        body.append("0".repeat(NANOS_WIDTH)).append('\n');
        // what changes from one event of a channel to the next (state, timestamps, a dozen
        // variables): ~500 bytes, in the upper half of what consecutive captured events differ by
        for (int k = 0; k < 12; k++) {
            body.append("variable_bench_state_").append(k).append(": changes%20with%20event%20").append(sequence).append('\n');
        }
        body.append("Channel-State-Number: ").append(sequence % 12).append('\n');
        for (int i = 0; body.length() < targetBodyBytes - 64; i++) {
            body.append("variable_bench_var_").append(i).append(": value%20with%20some%20encoded%20text%20").append(i).append('\n');
        }
        body.append('\n');
        byte[] bodyBytes = body.toString().getBytes(StandardCharsets.US_ASCII);
        String head = "Content-Length: " + bodyBytes.length + "\nContent-Type: text/event-plain\n\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, out, headBytes.length, bodyBytes.length);
        nanosAt[0] = headBytes.length + nanosInBody;
        return out;
    }

    /** Writes {@code nanos} as {@value #NANOS_WIDTH} zero-padded digits at {@code at}. */
    static void stamp(byte[] buffer, int at, long nanos) {
        long v = nanos;
        for (int i = at + NANOS_WIDTH - 1; i >= at; i--) {
            buffer[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
    }

    /** Reads the nanos header back. */
    static long nanos(String header) {
        return Long.parseLong(header);
    }
}
