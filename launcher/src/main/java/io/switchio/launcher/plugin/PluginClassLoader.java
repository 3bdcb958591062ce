package io.switchio.launcher.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The class loader of one plugin jar. {@code java.*} and the SPI ({@code io.switchio.spi.*}) always
 * come from the parent, so the app and the kernel agree on the SPI types; everything else is
 * looked up in the jar first and in the parent only when the jar lacks it. Two plugins may
 * therefore bundle different versions of the same library.
 *
 * <p>Threading: registered as parallel capable; any thread may load classes through it. Closed by
 * the {@link PluginRegistry} that owns it.
 */
public final class PluginClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private static final String SPI_PACKAGE = "io.switchio.spi.";

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** A loader for {@code jar} whose parent provides the SPI. */
    public PluginClassLoader(String name, URL jar, ClassLoader parent) {
        super(name, new URL[] {jar}, parent);
    }

    /** True for the classes that must come from the parent: java.* and the SPI. */
    static boolean isParentFirst(String className) {
        return className.startsWith("java.") || className.startsWith(SPI_PACKAGE);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isParentFirst(name)) {
            return super.loadClass(name, resolve);
        }
        // a per-name lock (not a monitor: classes may load on virtual threads, and defining one reads the jar)
        ReentrantLock lock = locks.computeIfAbsent(name, k -> new ReentrantLock());
        lock.lock();
        try {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException notInJar) {
                    c = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public URL getResource(String name) {
        if (isParentFirst(name.replace('/', '.'))) {
            return super.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }
}
