package io.switchio.testkit.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Creates events with FreeSWITCH's standard headers (§8.5) and fans them out to the connections.
 * {@code Event-Sequence} is assigned when an event is fired, under one lock, so every connection
 * receives events in sequence order; events nobody subscribed to are never built.
 *
 * <p>Threading: any thread may create and fire; sinks register from connection threads.
 */
public final class EventBus {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter GMT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final CopyOnWriteArrayList<EventSink> sinks = new CopyOnWriteArrayList<>();
    private final ReentrantLock fireLock = new ReentrantLock();
    private final AtomicInteger toLose = new AtomicInteger();
    private final SimClock clock;
    private final String hostname;
    private volatile String coreUuid;
    private volatile DateCache dates = new DateCache(-1, "", "");
    private long sequence;
    private long fired;

    private record DateCache(long second, String local, String gmt) {
    }

    /** A bus for a switch named {@code hostname} whose process id is {@code coreUuid}. */
    public EventBus(SimClock clock, String hostname, String coreUuid) {
        this.clock = clock;
        this.hostname = hostname;
        this.coreUuid = coreUuid;
    }

    /** The current {@code Core-UUID}. */
    public String coreUuid() {
        return coreUuid;
    }

    /** Simulates a process restart: new Core-UUID, sequence back to 1. */
    public void restart(String newCoreUuid) {
        fireLock.lock();
        try {
            this.coreUuid = newCoreUuid;
            this.sequence = 0;
        } finally {
            fireLock.unlock();
        }
    }

    /** Adds a connection's sink. */
    public void register(EventSink sink) {
        sinks.add(sink);
    }

    /** Removes a connection's sink. */
    public void unregister(EventSink sink) {
        sinks.remove(sink);
    }

    /** True when at least one sink may want events of this name. */
    public boolean wanted(String eventName) {
        for (EventSink s : sinks) {
            if (s.wants(eventName)) {
                return true;
            }
        }
        return false;
    }

    /** Drops the next {@code n} events after their sequence numbers are taken (gap-detection tests). */
    public void loseEvents(int n) {
        toLose.addAndGet(n);
    }

    /** Number of events fired so far. */
    public long firedCount() {
        return fired;
    }

    /** A new event with the standard headers; {@code site} is {@code file:function:line}. */
    public SimEvent create(String name, CallSite site) {
        SimEvent e = new SimEvent(name);
        long now = clock.nowMicros();
        DateCache d = dateFor(now / 1_000_000);
        e.add("Event-Name", name)
                .add("Core-UUID", coreUuid)
                .add("FreeSWITCH-Hostname", hostname)
                .add("FreeSWITCH-Switchname", hostname)
                .add("FreeSWITCH-IPv4", "127.0.0.1")
                .add("FreeSWITCH-IPv6", "::1")
                .add("Event-Date-Local", d.local())
                .add("Event-Date-GMT", d.gmt())
                .add("Event-Date-Timestamp", Long.toString(now))
                .add("Event-Calling-File", site.file())
                .add("Event-Calling-Function", site.function())
                .add("Event-Calling-Line-Number", site.line());
        e.markSequenceSlot();
        return e;
    }

    /** Appends the standard headers after client-supplied ones (sendevent, PRIVATE_COMMAND). */
    public SimEvent appendStandard(SimEvent e, String name, CallSite site) {
        SimEvent std = create(name, site);
        for (int i = 0; i < std.size(); i++) {
            if (std.name(i).equals("Event-Sequence")) {
                e.markSequenceSlot();
            } else {
                e.add(std.name(i), std.value(i));
            }
        }
        return e;
    }

    private DateCache dateFor(long second) {
        DateCache d = dates;
        if (d.second() != second) {
            Instant t = Instant.ofEpochSecond(second);
            d = new DateCache(second, LOCAL.format(t.atZone(ZoneId.systemDefault())), GMT.format(t));
            dates = d;
        }
        return d;
    }

    /**
     * Takes the next {@code Event-Sequence} for an event that is created now but fired later, or
     * never (FreeSWITCH numbers an event when it is created: uuid_broadcast's COMMAND).
     */
    public long reserveSequence() {
        fireLock.lock();
        try {
            return ++sequence;
        } finally {
            fireLock.unlock();
        }
    }

    /** Assigns the next {@code Event-Sequence} without delivering the event (the outbound connect reply). */
    public void stamp(SimEvent e) {
        fireLock.lock();
        try {
            e.assignSequence(++sequence);
        } finally {
            fireLock.unlock();
        }
    }

    /** Assigns the next {@code Event-Sequence} and hands the event to every sink, in one step. */
    public void fire(SimEvent e) {
        fireLock.lock();
        try {
            e.assignSequence(++sequence);
            fired++;
            if (toLose.get() > 0 && toLose.getAndDecrement() > 0) {
                return;
            }
            for (EventSink s : sinks) {
                s.deliver(e);
            }
        } finally {
            fireLock.unlock();
        }
    }
}
