package io.switchio.spi;

import java.util.List;

/**
 * The {@link java.util.ServiceLoader} entry of an app: a plugin jar lists its implementations in
 * {@code META-INF/services/io.switchio.spi.AppProvider}.
 *
 * <p>The provider describes the app (so {@code switchio list-apps} can show it without starting
 * it) and creates instances. Implementations need a public no-argument constructor and should do
 * no work in it.
 *
 * <p>Threading: methods may be called from any thread; {@link #create()} may be called several
 * times (once per host for {@link Instancing#PER_HOST}).
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface AppProvider {

    /**
     * The app id users name on the command line, e.g. {@code tone-play}: non-blank, unique across
     * all plugins, letters, digits, {@code -}, {@code _} or {@code .}.
     */
    String id();

    /** One or two sentences for {@code list-apps}. */
    String description();

    /** The parameters the app takes, with their defaults. Empty by default. */
    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /** Whether all hosts share one instance. {@link Instancing#SHARED} by default. */
    default Instancing instancing() {
        return Instancing.SHARED;
    }

    /**
     * Creates an app instance: an object with {@link Callback}, {@link Coroutine} or
     * {@link Handler} methods, optionally implementing {@link Prepost} to receive its parameters.
     */
    Object create();
}
