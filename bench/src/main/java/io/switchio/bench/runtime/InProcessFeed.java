package io.switchio.bench.runtime;

import java.lang.management.ManagementFactory;

/**
 * An {@link EventFeed} in the harness's JVM: the main thread writes. It shares the kernel's
 * safepoints and GC pauses, and its catch-up after a pause comes as one burst.
 *
 * <p>Threading: owned by the harness's main thread.
 */
final class InProcessFeed implements EventFeed {

    private final EventFeedServer server;
    private final FrameFeeder feeder;
    private final int frameBytes;

    InProcessFeed(CallLifecycles calls) throws Exception {
        server = new EventFeedServer();
        server.start();
        feeder = new FrameFeeder(server, calls);
        frameBytes = calls.block.length / calls.frames();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public boolean awaitClient(int seconds) throws InterruptedException {
        return server.awaitClient(seconds);
    }

    @Override
    public void blast(int seconds) throws Exception {
        feeder.blast(seconds);
    }

    @Override
    public long paced(int rate, int seconds) throws Exception {
        return feeder.paced(rate, seconds);
    }

    @Override
    public int frameBytes() {
        return frameBytes;
    }

    @Override
    public long written() {
        return feeder.written();
    }

    @Override
    public long feederCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Override
    public String describe() {
        return "feeder in this JVM";
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
