package io.switchio.bench.runtime;

import io.switchio.kernel.app.AppRegistry;
import io.switchio.kernel.client.CommandChannel;
import io.switchio.kernel.client.KernelClient;
import io.switchio.kernel.client.KernelSession;
import io.switchio.kernel.client.SubscriptionSet;
import io.switchio.kernel.dispatch.HostDispatcher;
import io.switchio.kernel.dispatch.KernelThreads;
import io.switchio.kernel.model.HostScope;
import io.switchio.kernel.model.ModelRegistry;
import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Event;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The kernel's own share of the path, without sockets: the benchmark thread plays the host
 * dispatcher and routes pre-parsed 5 KB events (models, session log, mailbox hand-off, a virtual
 * session thread, one callback per event); an op ends when the callbacks saw every event of it.
 *
 * <p>Threading: the JMH thread is the dispatcher; callbacks run on session virtual threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DispatchBenchmark {

    static final int SESSIONS = 1000;

    /** Counts callbacks. */
    public static final class Counter {
        final AtomicLong seen = new AtomicLong();

        @Callback("CHANNEL_CALLSTATE")
        public void onEvent(Event e) {
            seen.incrementAndGet();
        }
    }

    /** Events for the same session back to back (1 = strict round robin over 1,000 sessions). */
    @Param({"1", "4"})
    public int burst;

    private HostDispatcher dispatcher;
    private Counter counter;
    private EslEvent[] events;
    private long expected;

    @Setup(Level.Trial)
    public void setUp() {
        CommandChannel quiet = new CommandChannel() {
            @Override
            public String api(String command) {
                return "+OK\n";
            }

            @Override
            public String bgapi(String command, String jobUuid) {
                return "+OK Job-UUID: " + jobUuid;
            }

            @Override
            public void execute(String uuid, String app, String arg, int loops) {
            }

            @Override
            public void subscribe(Set<String> names) {
            }

            @Override
            public boolean isConnected() {
                return true;
            }
        };
        SubscriptionSet subscriptions = new SubscriptionSet(quiet);
        HostScope scope = new HostScope("bench", 8, Duration.ofSeconds(10), subscriptions);
        ModelRegistry models = new ModelRegistry(scope, (s, uuid, app, first) -> new KernelSession(s, uuid, app, first, quiet),
                List.of("variable_sip_h_X-switchio_app"), "variable_call_uuid");
        AppRegistry apps = new AppRegistry();
        dispatcher = new HostDispatcher(scope, models, apps, new KernelThreads("bench"));
        KernelClient client = new KernelClient(scope, 8021, quiet, models, apps, subscriptions);
        counter = new Counter();
        client.loadApp(counter, AppOptions.group("bench"));
        int[] at = new int[1];
        events = new EslEvent[SESSIONS];
        for (int i = 0; i < SESSIONS / burst; i++) {
            String uuid = UUID.randomUUID().toString();
            dispatcher.dispatch(event("CHANNEL_CREATE", uuid, at));
            for (int b = 0; b < burst; b++) {
                events[i * burst + b] = event("CHANNEL_CALLSTATE", uuid, at);
            }
        }
    }

    private static EslEvent event(String name, String uuid, int[] at) {
        return EslEvent.of(EslMessage.parse(EventFrames.frame(name, uuid, 1, 5000, at)));
    }

    /** Routes SESSIONS events (SESSIONS / burst sessions, burst each) and waits until their callbacks ran. */
    @Benchmark
    @OperationsPerInvocation(SESSIONS)
    public long dispatchToCallbacks() {
        for (EslEvent e : events) {
            dispatcher.dispatch(e);
        }
        expected += events.length;
        long spins = 0;
        while (counter.seen.get() < expected) {
            Thread.onSpinWait();
            spins++;
        }
        return spins;
    }
}
