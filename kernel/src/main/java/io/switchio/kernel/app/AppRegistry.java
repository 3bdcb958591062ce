package io.switchio.kernel.app;

import io.switchio.spi.AppLoadException;
import io.switchio.spi.AppOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The apps loaded on one host, by group, and the {@link AppTable} built from them.
 *
 * <p>Group rules (switchio-reference §2.9): an app goes under {@link AppOptions#group()} or, when
 * that is {@code null}, under its own name; the same app name twice in one group is refused,
 * except in the {@value AppOptions#DEFAULT_GROUP} group. Within a group apps run in load order,
 * measurers before the others.
 *
 * <p>Threading: loads and unloads are serialised by a lock; {@link #table()} is a volatile read
 * for the dispatcher and session threads.
 */
public final class AppRegistry {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, List<LoadedApp>> groups = new LinkedHashMap<>();
    private volatile AppTable table = AppTable.EMPTY;

    /** The group an app goes under. */
    public static String groupOf(String appName, AppOptions options) {
        return options.group() != null ? options.group() : appName;
    }

    /**
     * Refuses a load that breaks the group rules.
     *
     * @throws AppLoadException naming the app and the group
     */
    public void checkAddable(String appName, String group) {
        lock.lock();
        try {
            List<LoadedApp> apps = groups.get(group);
            if (apps != null && !AppOptions.DEFAULT_GROUP.equals(group)
                    && apps.stream().anyMatch(a -> a.name().equals(appName))) {
                throw new AppLoadException("app '" + appName + "' is already loaded in group '" + group
                        + "'; load it under another group to get a second instance");
            }
        } finally {
            lock.unlock();
        }
    }

    /** Adds a loaded app (after its setup ran) and publishes the new table. */
    public AppTable add(LoadedApp app) {
        lock.lock();
        try {
            checkAddable(app.name(), app.group());
            List<LoadedApp> apps = groups.computeIfAbsent(app.group(), k -> new ArrayList<>());
            if (app.measurer()) {
                int at = 0;
                while (at < apps.size() && apps.get(at).measurer()) {
                    at++;
                }
                apps.add(at, app);
            } else {
                apps.add(app);
            }
            return publish();
        } finally {
            lock.unlock();
        }
    }

    /** Removes every app of a group and publishes the new table; returns the removed apps. */
    public List<LoadedApp> remove(String group) {
        lock.lock();
        try {
            List<LoadedApp> removed = groups.remove(group);
            if (removed == null) {
                return List.of();
            }
            publish();
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes one app instance from a group (rolling back a load that failed on another host);
     * returns it, or {@code null} when it was not there.
     */
    public LoadedApp remove(String group, Object instance) {
        lock.lock();
        try {
            List<LoadedApp> apps = groups.get(group);
            if (apps == null) {
                return null;
            }
            for (LoadedApp a : apps) {
                if (a.instance() == instance) {
                    apps.remove(a);
                    if (apps.isEmpty()) {
                        groups.remove(group);
                    }
                    publish();
                    return a;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** The current table. */
    public AppTable table() {
        return table;
    }

    /** The loaded groups, each with its app names in chain order. */
    public Map<String, List<String>> apps() {
        lock.lock();
        try {
            Map<String, List<String>> out = new LinkedHashMap<>();
            groups.forEach((g, apps) -> out.put(g, apps.stream().map(LoadedApp::name).toList()));
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Every loaded app, group by group. */
    public List<LoadedApp> all() {
        lock.lock();
        try {
            List<LoadedApp> out = new ArrayList<>();
            groups.values().forEach(out::addAll);
            return out;
        } finally {
            lock.unlock();
        }
    }

    private AppTable publish() {
        Map<String, List<LoadedApp>> copy = new LinkedHashMap<>();
        groups.forEach((g, apps) -> copy.put(g, List.copyOf(apps)));
        table = new AppTable(copy);
        return table;
    }
}
