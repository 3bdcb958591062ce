package io.switchio.kernel;

import io.switchio.kernel.client.KernelClient;
import io.switchio.spi.AppLoadException;
import io.switchio.spi.AppOptions;
import io.switchio.spi.AppProvider;
import io.switchio.spi.Instancing;
import io.switchio.spi.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads and unloads apps on every client of the kernel (each host's, then the outbound side's)
 * as one step: a load that fails on one client is rolled back on those it reached.
 *
 * <p>Threading: called under the kernel's lock, which serialises loads and unloads.
 */
final class AppFanout {

    private final List<KernelClient> targets;

    /** @param targets every client apps are loaded on */
    AppFanout(List<KernelClient> targets) {
        this.targets = List.copyOf(targets);
    }

    /**
     * Loads an app from its provider: parameters are resolved against the provider's specs;
     * {@link Instancing#SHARED} creates one instance, {@link Instancing#PER_HOST} one per client.
     */
    String load(AppProvider provider, AppOptions options) {
        String id = provider.id();
        Parameters resolved;
        try {
            resolved = Parameters.resolve(id, provider.parameters(), options.parameters().asMap());
        } catch (IllegalArgumentException e) {
            throw new AppLoadException(e.getMessage(), e);
        }
        AppOptions opts = options.withParameters(resolved);
        if (provider.instancing() == Instancing.PER_HOST) {
            return load(id, target -> create(provider), opts);
        }
        Object shared = create(provider);
        return load(id, target -> shared, opts);
    }

    private static Object create(AppProvider provider) {
        try {
            return Objects.requireNonNull(provider.create(), "create() returned null");
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            throw new AppLoadException("app '" + provider.id() + "' could not be created: " + t, t);
        }
    }

    /** Loads the instance {@code instance} gives for each client; returns the group. */
    String load(String name, Function<KernelClient, Object> instance, AppOptions options) {
        List<Object[]> done = new ArrayList<>();
        String group = null;
        try {
            for (KernelClient c : targets) {
                Object app = instance.apply(c);
                group = c.loadApp(name, app, options);
                done.add(new Object[] {c, app, group});
            }
        } catch (RuntimeException e) {
            for (Object[] d : done) {
                ((KernelClient) d[0]).unloadInstance((String) d[2], d[1]);
            }
            throw e instanceof AppLoadException ? e : new AppLoadException("app '" + name + "' failed to load: " + e, e);
        }
        return group;
    }

    /** Unloads a group everywhere; true when any client had it. */
    boolean unload(String group) {
        boolean any = false;
        for (KernelClient c : targets) {
            any |= c.unloadApp(group);
        }
        return any;
    }
}
