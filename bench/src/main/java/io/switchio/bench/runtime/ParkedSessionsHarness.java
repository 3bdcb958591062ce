package io.switchio.bench.runtime;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Coroutine;
import io.switchio.spi.Session;
import io.switchio.spi.SessionEndedException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many concurrent sessions, each with a coroutine parked in {@code recv}: creates them over the
 * full path (loopback socket, ring, dispatcher, mailboxes), measures the retained heap per session
 * after a full GC, then destroys them and checks that every session thread ended. The coroutine
 * reads a header of the park event before it parks, so both kept events carry their header index
 * (the model reads {@code Call-Direction} of the first), as with a real app.
 *
 * <pre>
 * java -Xmx2g [-Dbench.compact=true] -cp bench/target/benchmarks.jar io.switchio.bench.runtime.ParkedSessionsHarness [sessions] [eventBytes] [historyLimit]
 * </pre>
 *
 * <p>{@code -Dbench.compact=true} turns on {@code Kernel.Builder.compactHistory}: the coroutine's
 * thread then keeps the create event as a delta against the park event.
 *
 * <p>Threading: the main thread writes frames and measures; the kernel runs the coroutines.
 */
public final class ParkedSessionsHarness {

    /** Parks a coroutine in recv on every parked session. */
    public static final class Parker {
        final LongAdder parked = new LongAdder();
        final LongAdder ended = new LongAdder();

        @Coroutine("CHANNEL_PARK")
        public void onPark(Session sess) {
            // read a header, as a real app would: the park event gets its full line index
            if (sess.lastEvent().header("Caller-Caller-ID-Number") == null) {
                throw new IllegalStateException("no caller number on " + sess.uuid());
            }
            parked.increment();
            try {
                sess.recv("CHANNEL_HANGUP", Duration.ofHours(1));
            } catch (SessionEndedException e) {
                ended.increment();
            }
        }
    }

    private ParkedSessionsHarness() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int eventBytes = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int history = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (EventFeedServer server = new EventFeedServer()) {
            server.start();
            try (Kernel kernel = Kernel.builder().host("127.0.0.1", server.port()).historyLimit(history)
                    .compactHistory(Boolean.getBoolean("bench.compact")).commandTimeout(Duration.ofSeconds(30)).build()) {
                Thread starter = Thread.ofPlatform().start(kernel::start);
                server.awaitClient(10);
                starter.join();
                Parker app = new Parker();
                kernel.loadApp(app, AppOptions.group("bench"));
                long baseline = usedAfterGc(memory);
                String[] uuids = new String[sessions];
                int[] at = new int[1];
                long t0 = System.nanoTime();
                for (int i = 0; i < sessions; i++) {
                    uuids[i] = UUID.randomUUID().toString();
                    byte[] create = EventFrames.frame("CHANNEL_CREATE", uuids[i], 2L * i, eventBytes, at);
                    byte[] park = EventFrames.frame("CHANNEL_PARK", uuids[i], 2L * i + 1, eventBytes, at);
                    server.write(create, 0, create.length);
                    server.write(park, 0, park.length);
                }
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while ((app.parked.sum() < sessions || kernel.liveSessionThreads() > sessions) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                double setup = (System.nanoTime() - t0) / 1e9;
                long used = usedAfterGc(memory);
                System.out.printf(Locale.ROOT, "%,d sessions (2 events of %,d bytes each, history limit %d) parked in recv in %.1f s; live session threads %,d; compact history %s%n",
                        kernel.cluster().counters().activeSessions(), eventBytes, history, setup, kernel.liveSessionThreads(),
                        Boolean.getBoolean("bench.compact") ? "on" : "off");
                System.out.printf(Locale.ROOT, "heap: baseline %,d MB, with sessions %,d MB, max %,d MB; %,d bytes per session%n",
                        baseline >> 20, used >> 20, memory.getHeapMemoryUsage().getMax() >> 20, (used - baseline) / sessions);
                Thread.sleep(Long.getLong("bench.pauseMillis", 0L));
                for (int i = 0; i < sessions; i++) {
                    byte[] destroy = EventFrames.frame("CHANNEL_DESTROY", uuids[i], 3L * sessions + i, 600, at);
                    server.write(destroy, 0, destroy.length);
                }
                while ((app.ended.sum() < sessions || kernel.liveSessionThreads() > 0) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                System.out.printf(Locale.ROOT, "after destroy: %,d coroutines ended with SessionEndedException, %,d session threads alive, %,d sessions%n",
                        app.ended.sum(), kernel.liveSessionThreads(), kernel.cluster().counters().activeSessions());
            }
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
