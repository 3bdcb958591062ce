package io.switchio.kernel.client;

import io.switchio.kernel.model.EventSubscriber;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The event names a host's connection subscribes to: what the kernel's models need, what the
 * loaded apps need, and what {@code recv} asked for on demand. Every change is pushed to the
 * connection as the complete desired set.
 *
 * <p>Threading: any thread; changes are serialised by a lock; {@link #current()} is a volatile
 * read.
 */
public final class SubscriptionSet implements EventSubscriber {

    /** The events the kernel's models need, whatever the apps. */
    public static final List<String> MODEL_EVENTS = List.of("CHANNEL_CREATE", "CHANNEL_ORIGINATE", "CHANNEL_UUID",
            "CHANNEL_ANSWER", "CHANNEL_PARK", "CHANNEL_HANGUP", "CHANNEL_DESTROY", "CALL_UPDATE", "BACKGROUND_JOB");

    private final CommandChannel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Integer> onDemand = new LinkedHashMap<>();
    private Set<String> appEvents = Set.of();
    private volatile Set<String> current = Set.copyOf(MODEL_EVENTS);

    /** @param channel where the desired set is sent */
    public SubscriptionSet(CommandChannel channel) {
        this.channel = channel;
    }

    @Override
    public void acquire(String eventName) {
        WireArguments.token("event name", eventName);
        lock.lock();
        try {
            onDemand.merge(eventName, 1, Integer::sum);
            if (!current.contains(eventName)) {
                push();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(String eventName) {
        lock.lock();
        try {
            onDemand.computeIfPresent(eventName, (k, n) -> n - 1);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sets what the loaded apps need. Names asked for on demand stay while someone waits for them;
     * the others are dropped (the next {@code recv} that needs one asks again).
     */
    public void appEvents(Set<String> events) {
        lock.lock();
        try {
            appEvents = Set.copyOf(events);
            onDemand.values().removeIf(n -> n <= 0);
            push();
        } finally {
            lock.unlock();
        }
    }

    /** The desired set now. */
    public Set<String> current() {
        return current;
    }

    /** Sends the desired set again (e.g. after connecting). */
    public void resend() {
        lock.lock();
        try {
            channel.subscribe(current);
        } finally {
            lock.unlock();
        }
    }

    private void push() {
        Set<String> next = new LinkedHashSet<>(MODEL_EVENTS);
        next.addAll(appEvents);
        next.addAll(onDemand.keySet());
        Set<String> frozen = java.util.Collections.unmodifiableSet(next);
        if (!frozen.equals(current)) {
            current = frozen;
            channel.subscribe(frozen);
        }
    }
}
