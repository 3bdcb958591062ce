package io.switchio.testkit.esl;

import io.switchio.testkit.engine.SimEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one connection receives: subscribed names and CUSTOM subclasses (§5.5), filters with the
 * reference's exact algorithm (§7.2), and the {@code myevents <uuid>} restriction (§5.6).
 *
 * <p>Threading: mutated by the connection's reader thread, read by the event bus: every method
 * takes the instance lock (short, non-blocking critical sections).
 */
final class EventSubscription {
    private record Filter(String header, String value, Pattern regex) {
    }

    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    private boolean all;
    private final Set<String> names = new HashSet<>();
    private final Set<String> subclasses = new HashSet<>();
    private final List<Filter> filters = new ArrayList<>();
    private volatile boolean enabled;
    private String myUuid;

    boolean enabled() {
        return enabled;
    }

    /** Adds the tokens of an {@code event} command; returns how many valid names were given. */
    int subscribe(List<String> tokens) {
        return change(tokens, true);
    }

    /** Removes the tokens of a {@code nixevent} command; returns how many valid names were given. */
    int unsubscribe(List<String> tokens) {
        return change(tokens, false);
    }

    private int change(List<String> tokens, boolean add) {
        lock.lock();
        try {
            int valid = 0;
            boolean custom = false;
            for (String tok : tokens) {
                if (tok.isEmpty()) {
                    continue;
                }
                if (custom) {
                    valid++;
                    if (add) {
                        subclasses.add(tok);
                    } else {
                        subclasses.remove(tok);
                    }
                    continue;
                }
                String name = EventNames.lookup(tok);
                if (name == null) {
                    continue;
                }
                valid++;
                if (name.equals("ALL")) {
                    all = add;
                    if (!add) {
                        names.clear();
                        subclasses.clear();
                    }
                } else if (add) {
                    names.add(name);
                } else {
                    if (all) {
                        all = false;
                        names.addAll(EventNames.ALL);
                    }
                    names.remove(name);
                }
                if (name.equals("CUSTOM")) {
                    custom = true;
                }
            }
            if (add && valid > 0) {
                enabled = true;
            }
            return valid;
        } finally {
            lock.unlock();
        }
    }

    /** {@code noevents}: false when nothing was subscribed. */
    boolean clear() {
        lock.lock();
        try {
            boolean was = enabled;
            enabled = false;
            all = false;
            names.clear();
            subclasses.clear();
            return was;
        } finally {
            lock.unlock();
        }
    }

    /** {@code myevents <uuid>}: subscribes to the channel event set and restricts to that channel. */
    void myEvents(String uuid) {
        subscribe(List.of("CHANNEL_ANSWER", "CHANNEL_APPLICATION", "CHANNEL_BRIDGE", "CHANNEL_CREATE",
                "CHANNEL_DATA", "CHANNEL_DESTROY", "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_HANGUP",
                "CHANNEL_HANGUP_COMPLETE", "CHANNEL_ORIGINATE", "CHANNEL_UUID", "CHANNEL_OUTGOING", "CHANNEL_PARK",
                "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA", "CHANNEL_STATE", "CHANNEL_UNBRIDGE", "CHANNEL_UNPARK",
                "DETECTED_SPEECH", "DTMF", "NOTALK", "TALK"));
        lock.lock();
        try {
            myUuid = uuid;
        } finally {
            lock.unlock();
        }
    }

    void addFilter(String header, String value) {
        Pattern regex = null;
        if (value.startsWith("/")) {
            String body = value.substring(1);
            int flags = 0;
            if (body.endsWith("/i")) {
                body = body.substring(0, body.length() - 2);
                flags = Pattern.CASE_INSENSITIVE;
            } else if (body.endsWith("/")) {
                body = body.substring(0, body.length() - 1);
            }
            regex = Pattern.compile(body, flags);
        }
        lock.lock();
        try {
            filters.add(new Filter(header, value, regex));
        } finally {
            lock.unlock();
        }
    }

    void deleteFilter(String header, String value) {
        lock.lock();
        try {
            if (header.equalsIgnoreCase("all")) {
                filters.clear();
            } else {
                filters.removeIf(f -> f.header().equalsIgnoreCase(header) && (value == null || f.value().equals(value)));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Cheap check before an event is built. */
    boolean wants(String eventName) {
        if (!enabled) {
            return false;
        }
        lock.lock();
        try {
            return all || names.contains(eventName);
        } finally {
            lock.unlock();
        }
    }

    /** The full decision: subscription, filters, myevents restriction. */
    boolean accepts(SimEvent e) {
        if (!enabled) {
            return false;
        }
        lock.lock();
        try {
            String name = e.eventName();
            if (!all) {
                if (!names.contains(name)) {
                    return false;
                }
                String sub = e.get("Event-Subclass");
                if (name.equals("CUSTOM") && sub != null && !subclasses.contains(sub)) {
                    return false;
                }
            }
            if (!filters.isEmpty() && !passFilters(e)) {
                return false;
            }
            if (myUuid != null) {
                String owner = name.equals("BACKGROUND_JOB") ? e.get("Job-Owner-UUID") : e.get("Unique-ID");
                return myUuid.equals(owner);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean passFilters(SimEvent e) {
        boolean deliver = false;
        for (Filter f : filters) {
            String hv = e.get(f.header());
            if (hv == null) {
                continue;
            }
            String v = f.value();
            boolean negative = v.startsWith("-");
            String cmp = v.replaceFirst("^[+\\- ]+", "");
            if (!negative && deliver) {
                continue;
            }
            boolean match = f.regex() != null ? f.regex().matcher(hv).find()
                    : cmp.toLowerCase(Locale.ROOT).equals(hv.toLowerCase(Locale.ROOT));
            if (match && negative) {
                return false;
            }
            if (match) {
                deliver = true;
            }
        }
        return deliver;
    }
}
