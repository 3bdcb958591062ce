package io.switchio.spi;

/**
 * An app's setup and teardown, the {@code prepost} fixture of the Python original.
 *
 * <p>An app object that implements this interface gets {@link #setup} when it is loaded on a host
 * (before any of its methods can run) and {@link #teardown} when it is unloaded or the kernel
 * stops. A shared app instance loaded on several hosts gets one {@code setup} per host, each with
 * that host's context.
 *
 * <p>Threading: both run on the thread that loads or unloads the app, never concurrently with the
 * app's own callbacks for that host.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Prepost {

    /**
     * Prepares the app: read parameters, query FreeSWITCH, allocate state.
     *
     * @param context the host's client, the cluster and the app's parameters
     * @throws Exception any failure; the load fails with an {@link AppLoadException} naming the app
     */
    void setup(AppContext context) throws Exception;

    /**
     * Releases what setup took. Exceptions are logged and do not stop the unload.
     *
     * @param context the same context setup received
     */
    default void teardown(AppContext context) throws Exception {
    }
}
