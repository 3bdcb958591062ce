package io.switchio.spi;

/**
 * What an app receives in {@link Prepost#setup}: the host it is loaded on, the whole cluster, its
 * parameters and a logger. New capabilities arrive here as new methods, so the app interfaces
 * keep their shape.
 *
 * <p>Threading: any thread may use it for as long as the app is loaded.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface AppContext {

    /** The client of the host this instance of the app was loaded on. */
    Client client();

    /** Every host, with aggregate counts. */
    Cluster cluster();

    /** The app's parameters (from the command line, the conf file or the loader). */
    Parameters parameters();

    /** The app id (see {@link AppProvider#id()}), or the class name for apps loaded directly. */
    String appId();

    /** The group the app was loaded under. */
    String group();

    /** A logger named after the app; routed to the kernel's logging. */
    System.Logger logger();
}
