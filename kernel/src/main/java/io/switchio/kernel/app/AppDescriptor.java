package io.switchio.kernel.app;

import io.switchio.spi.AppLoadException;
import io.switchio.spi.Callback;
import io.switchio.spi.Coroutine;
import io.switchio.spi.Event;
import io.switchio.spi.Handler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The marked methods of an app class, found and checked once: every problem is reported with the
 * app's name and the method.
 *
 * <p>Threading: immutable; any thread.
 */
public final class AppDescriptor {

    private final String appName;
    private final List<AppMethod> methods;

    private AppDescriptor(String appName, List<AppMethod> methods) {
        this.appName = appName;
        this.methods = List.copyOf(methods);
    }

    /**
     * Scans an app object's public and declared methods (superclasses included).
     *
     * @param appName the name used in messages
     * @throws AppLoadException naming the app and the method when a mark is misused, or when the
     *     app has no marked method at all
     */
    public static AppDescriptor scan(String appName, Object app) {
        List<AppMethod> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Class<?> c = app.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Method[] declared = c.getDeclaredMethods();
            Arrays.sort(declared, Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())));
            for (Method m : declared) {
                String signature = m.getName() + Arrays.toString(m.getParameterTypes());
                if (m.isSynthetic() || m.isBridge() || !seen.add(signature)) {
                    continue;
                }
                AppMethod am = describe(appName, m);
                if (am != null) {
                    found.add(am);
                }
            }
        }
        if (found.isEmpty()) {
            throw new AppLoadException("app '" + appName + "' (" + app.getClass().getName()
                    + ") has no method marked @Callback, @Coroutine or @Handler");
        }
        return new AppDescriptor(appName, found);
    }

    private static AppMethod describe(String appName, Method m) {
        Callback cb = m.getAnnotation(Callback.class);
        Coroutine co = m.getAnnotation(Coroutine.class);
        Handler h = m.getAnnotation(Handler.class);
        int marks = (cb != null ? 1 : 0) + (co != null ? 1 : 0) + (h != null ? 1 : 0);
        if (marks == 0) {
            return null;
        }
        String where = "app '" + appName + "' method " + m.getDeclaringClass().getSimpleName() + "." + m.getName();
        if (marks > 1) {
            throw new AppLoadException(where + " carries more than one of @Callback, @Coroutine, @Handler");
        }
        if (Modifier.isStatic(m.getModifiers())) {
            throw new AppLoadException(where + " is static; marked methods must be instance methods");
        }
        try {
            m.setAccessible(true);
        } catch (RuntimeException e) {
            throw new AppLoadException(where + " is not accessible: " + e.getMessage(), e);
        }
        AppMethod.Kind kind = cb != null ? AppMethod.Kind.CALLBACK : co != null ? AppMethod.Kind.COROUTINE : AppMethod.Kind.HANDLER;
        String[] events = cb != null ? cb.value() : co != null ? co.value() : h.value();
        checkNames(where, events, "event names");
        String[] subscribe = co != null ? co.subscribe() : new String[0];
        checkNames(where, subscribe, "subscribe names");
        if (events.length == 0) {
            throw new AppLoadException(where + " names no event");
        }
        Class<?>[] types = m.getParameterTypes();
        if (kind == AppMethod.Kind.HANDLER) {
            if (types.length != 1 || types[0] != Event.class) {
                throw new AppLoadException(where + " is a @Handler and must take exactly one Event parameter, takes "
                        + Arrays.toString(types));
            }
        } else {
            Set<Class<?>> distinct = new LinkedHashSet<>();
            for (Class<?> t : types) {
                if (AppMethod.slotOf(t) < 0) {
                    throw new AppLoadException(where + " has a parameter of type " + t.getName()
                            + "; only Session, Call, Event and Job can be bound");
                }
                if (!distinct.add(t)) {
                    throw new AppLoadException(where + " takes " + t.getSimpleName() + " twice");
                }
            }
        }
        return new AppMethod(m, kind, Arrays.asList(events), Arrays.asList(subscribe));
    }

    private static void checkNames(String where, String[] names, String what) {
        for (String n : names) {
            if (n == null || n.isBlank() || n.chars().anyMatch(ch -> ch == '\r' || ch == '\n' || ch == ' ')) {
                throw new AppLoadException(where + " has an invalid entry in its " + what + ": '" + n + "'");
            }
        }
    }

    /** The app's name. */
    public String appName() {
        return appName;
    }

    /** The marked methods, in a stable order. */
    public List<AppMethod> methods() {
        return methods;
    }

    /** Every event the app needs subscribed (marks and coroutine extras). */
    public Set<String> events() {
        Set<String> out = new LinkedHashSet<>();
        for (AppMethod m : methods) {
            out.addAll(m.events());
            out.addAll(m.subscribe());
        }
        return out;
    }
}
