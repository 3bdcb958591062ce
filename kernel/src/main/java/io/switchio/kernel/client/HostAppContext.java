package io.switchio.kernel.client;

import io.switchio.spi.AppContext;
import io.switchio.spi.Client;
import io.switchio.spi.Cluster;
import io.switchio.spi.Parameters;

/**
 * What an app's setup receives on one host.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param client the host's client
 * @param cluster every host
 * @param parameters the app's parameters
 * @param appId the app's id
 * @param group its group
 */
public record HostAppContext(Client client, Cluster cluster, Parameters parameters, String appId, String group)
        implements AppContext {

    @Override
    public System.Logger logger() {
        return System.getLogger("io.switchio.app." + appId);
    }
}
