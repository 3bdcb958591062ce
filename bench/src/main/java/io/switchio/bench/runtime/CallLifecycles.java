package io.switchio.bench.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The feed of the full-path harness: {@code slots} concurrent calls, each a lifecycle of
 * {@code CHANNEL_CREATE}, {@code length - 2} {@code CHANNEL_CALLSTATE} and {@code CHANNEL_DESTROY}
 * (about 5 KB each), interleaved round by round over the slots, so sessions keep ending and being
 * created while {@code slots} are live. The block is serialised once; each replay gives every call
 * a fresh Unique-ID by patching a generation counter into the UUIDs in place (fixed width), frame
 * by frame just before the frame is written (patching the whole 160 MB block at once stalled the
 * feeder for milliseconds, and its catch-up burst showed up as latency), and stamps
 * {@code X-Bench-Nanos} at the same moment.
 *
 * <p>Threading: owned by the feeding thread.
 */
final class CallLifecycles {

    /** Hex digits of the generation patched at the end of every UUID. */
    private static final int GENERATION_WIDTH = 8;

    final byte[] block;
    final int[] frameStart;
    private final int[] stampAt;
    private final int[][] uuidEnds;
    private long generation;

    CallLifecycles(int slots, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int frames = slots * length;
        frameStart = new int[frames + 1];
        stampAt = new int[frames];
        uuidEnds = new int[frames][];
        String[] uuids = new String[slots];
        for (int i = 0; i < slots; i++) {
            uuids[i] = UUID.randomUUID().toString();
        }
        int[] at = new int[1];
        int f = 0;
        for (int round = 0; round < length; round++) {
            String name = round == 0 ? "CHANNEL_CREATE" : round == length - 1 ? "CHANNEL_DESTROY" : "CHANNEL_CALLSTATE";
            for (int i = 0; i < slots; i++) {
                byte[] frame = EventFrames.frame(name, uuids[i], round + 1, 5000, at);
                frameStart[f] = out.size();
                stampAt[f] = out.size() + at[0];
                uuidEnds[f] = ends(frame, uuids[i], out.size());
                out.write(frame);
                f++;
            }
        }
        frameStart[frames] = out.size();
        block = out.toByteArray();
    }

    private static int[] ends(byte[] frame, String uuid, int base) {
        byte[] u = uuid.getBytes(StandardCharsets.US_ASCII);
        int[] found = new int[4];
        int n = 0;
        for (int p = 0; p + u.length <= frame.length && n < found.length; p++) {
            if (java.util.Arrays.equals(frame, p, p + u.length, u, 0, u.length)) {
                found[n++] = base + p + u.length;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }

    int frames() {
        return stampAt.length;
    }

    /** Starts a new replay of the block: its frames get new Unique-IDs as {@link #prepare} reaches them. */
    void nextGeneration() {
        generation++;
    }

    /** Readies frames {@code [from, to)} for writing: the current generation's UUIDs, stamped {@code nanos}. */
    void prepare(int from, int to, long nanos) {
        for (int f = from; f < to; f++) {
            for (int end : uuidEnds[f]) {
                long g = generation;
                for (int i = end - 1; i >= end - GENERATION_WIDTH; i--) {
                    block[i] = (byte) Character.forDigit((int) (g & 0xF), 16);
                    g >>>= 4;
                }
            }
            EventFrames.stamp(block, stampAt[f], nanos);
        }
    }
}
