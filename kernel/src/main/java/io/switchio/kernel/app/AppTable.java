package io.switchio.kernel.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of what runs for which event: callbacks and coroutines per group and event
 * name, handlers per event name, and the events and activation headers all loaded apps need.
 * A new table is built on every load or unload and published as a whole.
 *
 * <p>Threading: immutable; read lock-free by the dispatcher and the session threads.
 */
public final class AppTable {

    /** The table with no app loaded. */
    public static final AppTable EMPTY = new AppTable(Map.of());

    private final Map<String, Map<String, List<BoundMethod>>> callbacks = new HashMap<>();
    private final Map<String, Map<String, List<BoundMethod>>> coroutines = new HashMap<>();
    private final Map<String, List<BoundMethod>> handlers = new HashMap<>();
    private final Set<String> events = new LinkedHashSet<>();
    private final List<String> extraHeaders = new ArrayList<>();

    /** @param groups the loaded apps per group, each list in chain order */
    AppTable(Map<String, List<LoadedApp>> groups) {
        for (Map.Entry<String, List<LoadedApp>> g : groups.entrySet()) {
            for (LoadedApp app : g.getValue()) {
                if (app.options().header() != null && !extraHeaders.contains(app.options().header())) {
                    extraHeaders.add(app.options().header());
                }
                events.addAll(app.descriptor().events());
                for (AppMethod m : app.descriptor().methods()) {
                    BoundMethod b = new BoundMethod(app, m);
                    for (String ev : m.events()) {
                        switch (m.kind()) {
                            case CALLBACK -> add(callbacks, g.getKey(), ev, b);
                            case COROUTINE -> add(coroutines, g.getKey(), ev, b);
                            case HANDLER -> handlers.computeIfAbsent(ev, k -> new ArrayList<>()).add(b);
                        }
                    }
                }
            }
        }
    }

    private static void add(Map<String, Map<String, List<BoundMethod>>> map, String group, String event, BoundMethod b) {
        map.computeIfAbsent(group, k -> new LinkedHashMap<>()).computeIfAbsent(event, k -> new ArrayList<>()).add(b);
    }

    /** The callbacks of a group for an event, in chain order. */
    public List<BoundMethod> callbacks(String group, String event) {
        Map<String, List<BoundMethod>> byEvent = callbacks.get(group);
        List<BoundMethod> l = byEvent == null ? null : byEvent.get(event);
        return l == null ? List.of() : l;
    }

    /** The coroutines of a group an event starts, in chain order. */
    public List<BoundMethod> coroutines(String group, String event) {
        Map<String, List<BoundMethod>> byEvent = coroutines.get(group);
        List<BoundMethod> l = byEvent == null ? null : byEvent.get(event);
        return l == null ? List.of() : l;
    }

    /** The handlers of an event, in load order. */
    public List<BoundMethod> handlers(String event) {
        List<BoundMethod> l = handlers.get(event);
        return l == null ? List.of() : l;
    }

    /** True when any app has handlers (the dispatcher skips the lookup otherwise). */
    public boolean hasHandlers() {
        return !handlers.isEmpty();
    }

    /** Every event name the loaded apps need subscribed. */
    public Set<String> events() {
        return events;
    }

    /** Activation headers the loaded apps asked for, consulted before the configured ones. */
    public List<String> extraHeaders() {
        return extraHeaders;
    }
}
