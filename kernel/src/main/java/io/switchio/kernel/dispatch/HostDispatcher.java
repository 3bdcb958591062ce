package io.switchio.kernel.dispatch;

import io.switchio.kernel.app.AppRegistry;
import io.switchio.kernel.app.AppTable;
import io.switchio.kernel.app.BoundMethod;
import io.switchio.kernel.model.HostScope;
import io.switchio.kernel.model.ModelRegistry;
import io.switchio.kernel.model.ModelUpdate;
import io.switchio.kernel.model.SessionModel;
import io.switchio.spi.Event;
import java.util.HashMap;
import java.util.Map;

/**
 * Routes one host's events, in the order they arrived: updates the models, runs the
 * {@link io.switchio.spi.Handler}s, then hands the event to the session's {@link SessionMailbox}.
 * Because the model update (which appends to the session's log and wakes {@code recv} waiters)
 * happens here, before the mailbox, a waiter wakes even while the session's mailbox is busy.
 *
 * <p>Threading: {@link #dispatch} runs on the host's dispatcher thread only; the mailbox map is confined to it.
 */
public final class HostDispatcher {

    private final HostScope scope;
    private final ModelRegistry models;
    private final AppRegistry apps;
    private final KernelThreads threads;
    private final Map<SessionModel, SessionMailbox> mailboxes = new HashMap<>();

    /**
     * @param scope the host's shared settings
     * @param models the host's models
     * @param apps the apps loaded on the host
     * @param threads where session threads come from
     */
    public HostDispatcher(HostScope scope, ModelRegistry models, AppRegistry apps, KernelThreads threads) {
        this.scope = scope;
        this.models = models;
        this.apps = apps;
        this.threads = threads;
    }

    /** Routes one event (dispatcher thread only). */
    public void dispatch(Event event) {
        ModelUpdate update = models.apply(event);
        AppTable table = apps.table();
        if (table.hasHandlers()) {
            for (BoundMethod h : table.handlers(event.name())) {
                AppInvoker.invoke(h, null, event, null);
            }
        }
        SessionModel session = update.session();
        if (session == null) {
            return;
        }
        String name = event.name();
        SessionMailbox mailbox = mailboxes.get(session);
        boolean work = !table.callbacks(session.appId(), name).isEmpty()
                || !table.coroutines(session.appId(), name).isEmpty();
        if (mailbox == null && work) {
            mailbox = new SessionMailbox(session, scope, apps, threads);
            mailboxes.put(session, mailbox);
        }
        if (mailbox != null) {
            mailbox.offer(new SessionMailbox.Delivery(event, update.index(), update.job()));
        } else {
            session.appProgressed();
        }
        if (update.destroyed()) {
            mailboxes.remove(session);
        }
    }

    /** Mailboxes of live sessions (dispatcher thread only; for tests and metrics). */
    int mailboxCount() {
        return mailboxes.size();
    }
}
