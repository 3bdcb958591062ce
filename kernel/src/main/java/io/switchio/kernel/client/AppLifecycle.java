package io.switchio.kernel.client;

import io.switchio.kernel.app.AppDescriptor;
import io.switchio.kernel.app.AppRegistry;
import io.switchio.kernel.app.AppTable;
import io.switchio.kernel.app.LoadedApp;
import io.switchio.kernel.model.ModelRegistry;
import io.switchio.spi.AppLoadException;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Prepost;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loading and unloading the apps of one client: scan, {@link Prepost#setup}, add to the
 * {@link AppRegistry}, then apply the new table (activation headers to the models, app events to
 * the subscription); unloading applies the smaller table first, then tears the apps down. A
 * failing setup or a refused add leaves nothing behind.
 *
 * <p>Threading: any thread; loads and unloads are serialised by the app registry.
 */
final class AppLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AppLifecycle.class);

    private final String host;
    private final AppRegistry apps;
    private final ModelRegistry models;
    private final SubscriptionSet subscriptions;
    private final List<String> configuredAppHeaders;

    AppLifecycle(String host, AppRegistry apps, ModelRegistry models, SubscriptionSet subscriptions) {
        this.host = host;
        this.apps = apps;
        this.models = models;
        this.subscriptions = subscriptions;
        this.configuredAppHeaders = models.appHeaders();
    }

    /** Loads an app; {@code contexts} makes its context from name and group. Returns the group. */
    String load(String name, Object app, AppOptions options, BiFunction<String, String, HostAppContext> contexts) {
        AppDescriptor descriptor = AppDescriptor.scan(name, app);
        String group = AppRegistry.groupOf(name, options);
        apps.checkAddable(name, group);
        HostAppContext context = contexts.apply(name, group);
        if (app instanceof Prepost prepost) {
            try {
                prepost.setup(context);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                throw new AppLoadException("app '" + name + "' failed its setup on host " + host + ": " + t, t);
            }
        }
        AppTable table;
        try {
            table = apps.add(new LoadedApp(name, group, app, options, descriptor, context));
        } catch (AppLoadException e) {
            teardown(new LoadedApp(name, group, app, options, descriptor, context));
            throw e;
        }
        applyTable(table);
        LOG.info("loaded app '{}' in group '{}' on {}", name, group, host);
        return group;
    }

    /** Unloads a group; true when it was loaded. */
    boolean unload(String group) {
        List<LoadedApp> removed = apps.remove(group);
        if (removed.isEmpty()) {
            return false;
        }
        applyTable(apps.table());
        removed.forEach(this::teardown);
        LOG.info("unloaded group '{}' ({} app(s)) on {}", group, removed.size(), host);
        return true;
    }

    /** Unloads one instance of a group; true when it was there. */
    boolean unloadInstance(String group, Object instance) {
        LoadedApp removed = apps.remove(group, instance);
        if (removed == null) {
            return false;
        }
        applyTable(apps.table());
        teardown(removed);
        return true;
    }

    /** Unloads every group. */
    void unloadAll() {
        for (String group : new ArrayList<>(apps.apps().keySet())) {
            unload(group);
        }
    }

    private void applyTable(AppTable table) {
        LinkedHashSet<String> headers = new LinkedHashSet<>(table.extraHeaders());
        headers.addAll(configuredAppHeaders);
        models.appHeaders(List.copyOf(headers));
        subscriptions.appEvents(table.events());
    }

    private void teardown(LoadedApp app) {
        if (app.instance() instanceof Prepost prepost) {
            try {
                prepost.teardown(app.context());
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                LOG.error("app '{}' (group '{}') failed its teardown on {}: {}", app.name(), app.group(), host, t.toString(), t);
            }
        }
    }
}
