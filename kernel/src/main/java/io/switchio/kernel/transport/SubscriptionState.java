package io.switchio.kernel.transport;

import io.switchio.kernel.protocol.EslCommand;
import io.switchio.kernel.protocol.EventCommand;
import io.switchio.kernel.protocol.EventFormat;
import io.switchio.kernel.protocol.FilterCommand;
import io.switchio.kernel.protocol.LogCommand;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the application wants from one connection (event names, CUSTOM subclasses, filters, log
 * level), kept independently of the socket so it can be replayed after every reconnect.
 *
 * <p>When liveness is checked, {@code HEARTBEAT} is always subscribed and, as soon as any filter
 * exists, admitted by a positive {@code filter Event-Name HEARTBEAT} (filters hide everything no
 * positive filter admits, esl-protocol §7.2).
 *
 * <p>Threading: thread-safe (one lock); any thread.
 */
final class SubscriptionState {

    record Filter(String header, String value) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final EventFormat format;
    private final boolean heartbeat;
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> subclasses = new LinkedHashSet<>();
    private final List<Filter> filters = new ArrayList<>();
    private String logLevel;
    private volatile boolean seesEverything;

    SubscriptionState(EventFormat format, boolean heartbeat) {
        this.format = format;
        this.heartbeat = heartbeat;
    }

    /** Adds names; {@code CUSTOM x::y} style subclasses go in as names containing {@code ::}. */
    void add(Set<String> more) {
        lock.lock();
        try {
            for (String n : more) {
                (n.contains("::") ? subclasses : names).add(n);
            }
            changed();
        } finally {
            lock.unlock();
        }
    }

    void remove(Set<String> less) {
        lock.lock();
        try {
            for (String n : less) {
                if (n.equals("ALL")) {
                    names.clear();
                    subclasses.clear();
                } else {
                    names.remove(n);
                    subclasses.remove(n);
                }
            }
            changed();
        } finally {
            lock.unlock();
        }
    }

    void addFilter(String header, String value) {
        lock.lock();
        try {
            filters.add(new Filter(header, value));
            changed();
        } finally {
            lock.unlock();
        }
    }

    void removeFilter(String header, String value) {
        lock.lock();
        try {
            filters.removeIf(f -> f.header().equals(header) && (value == null || f.value().equals(value)));
            changed();
        } finally {
            lock.unlock();
        }
    }

    void logLevel(String level) {
        lock.lock();
        try {
            logLevel = level;
        } finally {
            lock.unlock();
        }
    }

    /** True when {@code Event-Sequence} gaps mean lost events: {@code ALL} and no filters. */
    boolean seesEverything() {
        return seesEverything;
    }

    /** Call with the lock held after every change. */
    private void changed() {
        seesEverything = names.contains("ALL") && filters.isEmpty();
    }

    /** The commands that establish this state on a fresh connection, in order. */
    List<EslCommand> commands() {
        lock.lock();
        try {
            List<EslCommand> out = new ArrayList<>();
            List<String> n = new ArrayList<>(names);
            if (heartbeat && !names.contains("ALL") && !names.contains("HEARTBEAT")) {
                n.add("HEARTBEAT");
            }
            if (!n.isEmpty() || !subclasses.isEmpty()) {
                out.add(new EventCommand(format, n, List.copyOf(subclasses)));
            }
            for (Filter f : filters) {
                out.add(new FilterCommand(f.header(), f.value()));
            }
            if (heartbeat && !filters.isEmpty()) {
                out.add(new FilterCommand("Event-Name", "HEARTBEAT"));
            }
            if (logLevel != null) {
                out.add(new LogCommand(logLevel));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }
}
