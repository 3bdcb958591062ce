package io.switchio.bench.runtime;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes the {@link CallLifecycles} block to the kernel round and round, a new generation of calls
 * each time, either as fast as the socket takes it or paced at a rate, stamping every frame with
 * {@code System.nanoTime()} just before it is written.
 *
 * <p>Threading: owned by the one feeding thread.
 */
final class FrameFeeder {

    private final EventFeedServer server;
    private final CallLifecycles calls;
    private int frame;
    private long written;

    FrameFeeder(EventFeedServer server, CallLifecycles calls) {
        this.server = server;
        this.calls = calls;
    }

    /** Events written so far. */
    long written() {
        return written;
    }

    /** Writes frames {@code [frame, frame + n)} stamped now (n stays within the block). */
    private void write(int n) throws IOException {
        if (frame == calls.frames()) {
            calls.nextGeneration();
            frame = 0;
        }
        int to = Math.min(calls.frames(), frame + n);
        calls.prepare(frame, to, System.nanoTime());
        server.write(calls.block, calls.frameStart[frame], calls.frameStart[to] - calls.frameStart[frame]);
        written += to - frame;
        frame = to;
    }

    /** Writes as fast as the socket takes it for {@code seconds}. */
    void blast(int seconds) throws IOException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            write(256);
        }
    }

    /**
     * Writes at {@code rate} for {@code seconds} in batches every 0.5 ms; a batch that falls behind
     * its schedule is written at once (catch-up), stamped when written.
     *
     * @return the events written
     */
    long paced(int rate, int seconds) throws IOException {
        long before = written;
        int batch = Math.max(1, rate / 2000);
        long interval = 1_000_000_000L * batch / rate;
        long next = System.nanoTime();
        long end = next + seconds * 1_000_000_000L;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            write(batch);
            next += interval;
        }
        return written - before;
    }
}
