package io.switchio.kernel.dispatch;

import io.switchio.kernel.app.AppRegistry;
import io.switchio.kernel.app.AppTable;
import io.switchio.kernel.app.BoundMethod;
import io.switchio.kernel.model.AppFrame;
import io.switchio.kernel.model.HostScope;
import io.switchio.kernel.model.JobModel;
import io.switchio.kernel.model.SessionModel;
import io.switchio.spi.Event;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailbox of one session: events queued by the host dispatcher, drained in order by a virtual
 * thread of the session that runs the group's callbacks and starts its coroutines.
 *
 * <p>The drain thread exists only while there is work: it is started when an event arrives at an
 * idle mailbox and ends when the mailbox is empty, so a destroyed session leaves no thread.
 * Callbacks run holding the session's turn; each coroutine runs on its own virtual thread, takes
 * the turn, and the drain waits until it ends or first gives the turn up (in {@code recv}, a
 * blocking command), so the next event's app code never overtakes it.
 *
 * <p>Threading: {@link #offer} from the host dispatcher only (single producer); draining on the
 * session's virtual threads, never two at once.
 */
final class SessionMailbox {

    /** One event for the session, with its index in the session's log. */
    record Delivery(Event event, long index, JobModel job) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionMailbox.class);
    private static final long HELD_TOO_LONG_SECONDS = 10;

    private final SessionModel session;
    private final HostScope scope;
    private final AppRegistry apps;
    private final KernelThreads threads;
    // a plain linked queue: a JCTools queue carries ~400 bytes of padding, too much per session
    private final ConcurrentLinkedQueue<Delivery> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SessionMailbox(SessionModel session, HostScope scope, AppRegistry apps, KernelThreads threads) {
        this.session = session;
        this.scope = scope;
        this.apps = apps;
        this.threads = threads;
    }

    /** Queues an event; starts a drain thread when the mailbox was idle. */
    void offer(Delivery delivery) {
        queue.offer(delivery);
        if (scheduled.compareAndSet(false, true)) {
            threads.startSessionThread(this::drain);
        }
    }

    private void drain() {
        do {
            Delivery d;
            while ((d = queue.poll()) != null) {
                deliver(d);
            }
            scheduled.set(false);
        } while (!queue.isEmpty() && scheduled.compareAndSet(false, true));
    }

    private void deliver(Delivery d) {
        AppTable table = apps.table();
        String name = d.event().name();
        List<BoundMethod> callbacks = table.callbacks(session.appId(), name);
        if (!callbacks.isEmpty()) {
            ReentrantLock turn = session.turn();
            turn.lock();
            scope.enter(AppFrame.callback(session, d.index() + 1));
            try {
                for (BoundMethod cb : callbacks) {
                    AppInvoker.invoke(cb, session, d.event(), d.job());
                }
            } finally {
                scope.enter(null);
                turn.unlock();
            }
        }
        for (BoundMethod co : table.coroutines(session.appId(), name)) {
            startCoroutine(co, d);
        }
        session.appProgressed();
        if (scope.compactHistory()) {
            session.log().compactBefore(d.index());
        }
    }

    private void startCoroutine(BoundMethod co, Delivery d) {
        CountDownLatch yielded = new CountDownLatch(1);
        threads.startSessionThread(() -> {
            ReentrantLock turn = session.turn();
            turn.lock();
            AppFrame frame = AppFrame.coroutine(session, d.index() + 1, yielded::countDown);
            scope.enter(frame);
            try {
                AppInvoker.invoke(co, session, d.event(), d.job());
            } finally {
                scope.enter(null);
                if (turn.isHeldByCurrentThread()) {
                    turn.unlock();
                }
                frame.ended();
            }
        });
        boolean interrupted = false;
        long waited = 0;
        while (true) {
            try {
                if (yielded.await(HELD_TOO_LONG_SECONDS, TimeUnit.SECONDS)) {
                    break;
                }
                waited += HELD_TOO_LONG_SECONDS;
                LOG.warn("app '{}' {} on session {} has run {} s without waiting in recv/poll or a session command;"
                        + " the session's later events are held back until it does", co.app().name(), co.method().name(),
                        session.uuid(), waited);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
