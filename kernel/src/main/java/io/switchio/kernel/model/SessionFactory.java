package io.switchio.kernel.model;

import io.switchio.spi.Event;

/**
 * Creates the session objects of a host: a {@link SessionModel} subclass that adds the commands.
 *
 * <p>Threading: called on the host dispatcher thread.
 */
@FunctionalInterface
public interface SessionFactory {

    /**
     * @param scope the host's shared settings
     * @param uuid the channel uuid
     * @param appId the app group chosen for the session
     * @param first the creating event
     */
    SessionModel create(HostScope scope, String uuid, String appId, Event first);
}
