package io.switchio.kernel.app;

import io.switchio.spi.Call;
import io.switchio.spi.Event;
import io.switchio.spi.Job;
import io.switchio.spi.Session;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;

/**
 * One marked method of an app: its kind, the events it runs for, and how its parameters are bound
 * by type from (session, call, event, job).
 *
 * <p>Threading: immutable; {@link #invoke} may run on any thread.
 */
public final class AppMethod {

    /** What a marked method is. */
    public enum Kind {
        /** {@link io.switchio.spi.Callback}: runs in the session's chain. */
        CALLBACK,
        /** {@link io.switchio.spi.Coroutine}: started on its own virtual thread per event. */
        COROUTINE,
        /** {@link io.switchio.spi.Handler}: runs on the host dispatcher for raw events. */
        HANDLER
    }

    private static final int SESSION = 0;
    private static final int CALL = 1;
    private static final int EVENT = 2;
    private static final int JOB = 3;

    private final Method method;
    private final Kind kind;
    private final List<String> events;
    private final List<String> subscribe;
    private final int[] binding;

    AppMethod(Method method, Kind kind, List<String> events, List<String> subscribe) {
        this.method = Objects.requireNonNull(method, "method");
        this.kind = kind;
        this.events = List.copyOf(events);
        this.subscribe = List.copyOf(subscribe);
        Class<?>[] types = method.getParameterTypes();
        this.binding = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            binding[i] = slotOf(types[i]);
        }
    }

    /**
     * The binding slot of a parameter type, or -1 when it cannot be bound.
     */
    static int slotOf(Class<?> type) {
        if (type == Session.class) {
            return SESSION;
        } else if (type == Call.class) {
            return CALL;
        } else if (type == Event.class) {
            return EVENT;
        } else if (type == Job.class) {
            return JOB;
        }
        return -1;
    }

    /** The method's kind. */
    public Kind kind() {
        return kind;
    }

    /** The events it runs for. */
    public List<String> events() {
        return events;
    }

    /** Extra events to subscribe ({@link io.switchio.spi.Coroutine#subscribe()}). */
    public List<String> subscribe() {
        return subscribe;
    }

    /** The method's name with its class, for logs. */
    public String name() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /**
     * Calls the method with parameters bound by type.
     *
     * @throws Throwable whatever the method threw (unwrapped)
     */
    public void invoke(Object target, Session session, Call call, Event event, Job job) throws Throwable {
        Object[] args = new Object[binding.length];
        for (int i = 0; i < binding.length; i++) {
            args[i] = switch (binding[i]) {
                case SESSION -> session;
                case CALL -> call;
                case EVENT -> event;
                default -> job;
            };
        }
        try {
            method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return kind + " " + name() + events;
    }
}
