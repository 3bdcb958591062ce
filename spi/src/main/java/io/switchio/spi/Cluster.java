package io.switchio.spi;

import java.util.List;
import java.util.function.Function;

/**
 * All the FreeSWITCH hosts switchio controls in this process, with aggregate counts.
 *
 * <p>Threading: any thread. The host list is fixed once the kernel starts.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Cluster {

    /** One client per host, in configuration order. */
    List<Client> clients();

    /** Counters summed over every host. */
    Counters counters();

    /**
     * Runs an operation against every host and collects the results in host order (the
     * {@code MultiEval} of the Python original, typed). An exception from one host is rethrown
     * after the others ran, with theirs added as suppressed.
     */
    <T> List<T> onEveryHost(Function<Client, T> operation);
}
