package io.switchio.kernel.testing;

import io.switchio.kernel.app.AppRegistry;
import io.switchio.kernel.client.KernelClient;
import io.switchio.kernel.client.KernelSession;
import io.switchio.kernel.client.SubscriptionSet;
import io.switchio.kernel.dispatch.HostDispatcher;
import io.switchio.kernel.dispatch.KernelThreads;
import io.switchio.kernel.model.HostScope;
import io.switchio.kernel.model.ModelRegistry;
import io.switchio.spi.Event;
import java.time.Duration;
import java.util.List;

/**
 * One host's runtime wired to a {@link FakeChannel}, with the test thread acting as the host's
 * dispatcher thread. Threading: {@link #dispatch} from one thread only.
 */
public final class HostHarness {

    public final FakeChannel channel = new FakeChannel();
    public final KernelThreads threads = new KernelThreads("test");
    public final SubscriptionSet subscriptions = new SubscriptionSet(channel);
    public final HostScope scope;
    public final ModelRegistry models;
    public final AppRegistry apps = new AppRegistry();
    public final HostDispatcher dispatcher;
    public final KernelClient client;

    public HostHarness() {
        this("variable_call_uuid", 64);
    }

    public HostHarness(String trackingHeader, int historyLimit) {
        this(trackingHeader, historyLimit, false);
    }

    public HostHarness(String trackingHeader, int historyLimit, boolean compactHistory) {
        scope = new HostScope("fs1", historyLimit, compactHistory, Duration.ofSeconds(5), subscriptions);
        models = new ModelRegistry(scope, (s, uuid, app, first) -> new KernelSession(s, uuid, app, first, channel),
                List.of("variable_sip_h_X-switchio_app"), trackingHeader);
        dispatcher = new HostDispatcher(scope, models, apps, threads);
        client = new KernelClient(scope, 8021, channel, models, apps, subscriptions);
    }

    public void dispatch(Event... events) {
        for (Event e : events) {
            dispatcher.dispatch(e);
        }
    }

    /** CHANNEL_CREATE of an inbound leg in a group. */
    public void create(String uuid, String group, String... more) {
        String[] pairs = new String[more.length + 4];
        pairs[0] = "Call-Direction";
        pairs[1] = "inbound";
        pairs[2] = "variable_sip_h_X-switchio_app";
        pairs[3] = group;
        System.arraycopy(more, 0, pairs, 4, more.length);
        dispatch(MapEvent.of("CHANNEL_CREATE", uuid, pairs));
    }

    public void event(String name, String uuid, String... pairs) {
        dispatch(MapEvent.of(name, uuid, pairs));
    }

    /** Waits until no session thread is alive (fails after 10 s). */
    public void awaitNoSessionThreads() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (threads.liveSessionThreads() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(threads.liveSessionThreads() + " session threads still alive");
            }
            Thread.sleep(5);
        }
    }
}
