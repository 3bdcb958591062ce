package io.switchio.kernel.dispatch;

import io.switchio.kernel.app.BoundMethod;
import io.switchio.spi.Event;
import io.switchio.spi.Job;
import io.switchio.spi.Session;
import io.switchio.spi.SessionEndedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls app methods and contains their failures: an exception is logged with the app, the method,
 * the session and the event, and the caller goes on with the next method or event.
 *
 * <p>Threading: stateless; any thread.
 */
final class AppInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(AppInvoker.class);

    private AppInvoker() {
    }

    /** Invokes one bound method; returns false when it threw. */
    static boolean invoke(BoundMethod bound, Session session, Event event, Job job) {
        try {
            bound.method().invoke(bound.app().instance(), session, session == null ? null : session.call(), event, job);
            return true;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (SessionEndedException e) {
            LOG.debug("app '{}' {}: session {} ended while it waited: {}", bound.app().name(), bound.method().name(),
                    e.sessionUuid(), e.getMessage());
            return false;
        } catch (Throwable t) {
            LOG.error("app '{}' (group '{}') {} failed on {} of session {}: {}", bound.app().name(), bound.app().group(),
                    bound.method().name(), event.name(), session == null ? "-" : session.uuid(), t.toString(), t);
            return false;
        }
    }
}
