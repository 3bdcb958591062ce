package io.switchio.kernel.transport;

import io.switchio.kernel.protocol.ContentTypes;
import io.switchio.kernel.protocol.EslCommand;
import io.switchio.kernel.protocol.EslEvent;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.protocol.EslProtocolException;
import io.switchio.kernel.ring.RingItem;
import io.switchio.spi.ConnectionLostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link EslConnection}: the connect/auth handshake, the reader loop, loss
 * detection, and the reconnect loop with exponential backoff and jitter.
 *
 * <p>Threading: {@link #start} and {@link #close} from the owner; {@link #send} from any thread;
 * everything else runs on the one session thread it starts.
 */
final class ConnectionSession {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSession.class);
    private static final int TICK_MILLIS = 100;

    private final EslConnectionConfig config;
    private final String address;
    private final SubscriptionState desired;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Changes made while disconnected, completed once applied on the next connect. */
    private final AwaitingConnect awaitingConnect;
    private final CountDownLatch closeSignal = new CountDownLatch(1);
    private final RingPublisher publisher;
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile EslLink link;
    private volatile boolean connected;
    private volatile Thread thread;
    private final SequenceTracker sequence;
    private final ReconnectBackoff backoff;

    ConnectionSession(EslConnectionConfig config, SubscriptionState desired) {
        this.config = config;
        this.address = config.address();
        this.desired = desired;
        this.sequence = new SequenceTracker(config.address());
        this.publisher = new RingPublisher(config.address(), config.ring(), closing, config.closeTimeout(), TICK_MILLIS);
        this.awaitingConnect = new AwaitingConnect(config.address());
        this.backoff = new ReconnectBackoff(config.reconnectMin(), config.reconnectMax(), config.reconnectJitter());
    }

    void start(boolean firstConnectThrows) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(address + ": already started");
        }
        EslLink first = null;
        if (firstConnectThrows) {
            first = open();
            applySubscriptions(first);
        }
        EslLink initial = first;
        link = initial;
        connected = initial != null;
        thread = config.threads().start("reader-" + address, () -> run(initial));
    }

    private void run(EslLink initial) {
        EslLink current = initial;
        boolean everUp = false;
        int failures = 0;
        try {
            while (true) {
                if (current == null) {
                    if (closing.get()) {
                        break;
                    }
                    try {
                        current = open();
                        link = current;
                    } catch (RuntimeException e) {
                        failures++;
                        LOG.warn("{}: connect attempt {} failed: {}", address, failures, e.getMessage());
                        if (config.maxReconnectAttempts() > 0 && failures >= config.maxReconnectAttempts()) {
                            LOG.error("{}: giving up after {} failed connect attempts", address, failures);
                            awaitingConnect.failAll("gave up reconnecting");
                            publish(new RingItem.ConnectionDown(address, "gave up after " + failures
                                    + " failed connect attempts: " + e.getMessage()), null);
                            return;
                        }
                        backoff(failures);
                        continue;
                    }
                }
                failures = 0;
                if (everUp) {
                    reconnects.incrementAndGet();
                }
                String reason = serve(current, everUp, current == initial);
                everUp = true;
                current = null;
                if (closing.get()) {
                    break;
                }
                LOG.warn("{}: connection dropped: {}; reconnecting", address, reason);
                backoff(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            EslLink l = link;
            if (l != null) {
                l.close();
            }
        }
    }

    /** Sends the desired subscriptions (pipelined; failures are logged, the replies come later). */
    private void applySubscriptions(EslLink l) {
        java.util.List<CompletableFuture<EslMessage>> replies = new java.util.ArrayList<>();
        for (EslCommand c : desired.commands()) {
            replies.add(l.send(c, timeoutNanos()).whenComplete((reply, error) -> {
                if (error != null) {
                    LOG.error("{}: applying '{}' failed: {}", address, CommandPipeline.describe(c), error.getMessage());
                }
            }));
        }
        awaitingConnect.applied(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));
    }

    /** Runs one connected link until it dies; returns why. */
    private String serve(EslLink l, boolean reconnected, boolean subscriptionsSent) throws InterruptedException {
        connected = true;
        sequence.reset();
        if (!subscriptionsSent && !closing.get()) {
            applySubscriptions(l);
        }
        publish(new RingItem.ConnectionUp(address, reconnected), l);
        String reason;
        try {
            reason = l.readLoop(m -> onFrame(m, l));
        } catch (ReaderInterrupted e) {
            reason = "closed";
        } catch (RuntimeException e) {
            LOG.error("{}: reader failed; closing the connection", address, e);
            reason = "internal error in the reader: " + e;
        }
        connected = false;
        l.close();
        l.failPending(new ConnectionLostException(address + ": connection lost (" + reason + ")"));
        publish(new RingItem.ConnectionDown(address, closing.get() ? "closed" : reason), null);
        return reason;
    }

    private void onFrame(EslMessage m, EslLink l) {
        try {
            if (m.isEvent()) {
                EslEvent event;
                try {
                    event = EslEvent.of(m);
                } catch (EslProtocolException e) {
                    malformed.incrementAndGet();
                    LOG.error("{}: malformed event frame skipped: {}", address, e.getMessage());
                    return;
                }
                trackSequence(event);
                publish(new RingItem.EventReceived(address, event), l);
            } else if (!ContentTypes.AUTH_REQUEST.equals(m.contentType())) {
                publish(new RingItem.NoticeReceived(address, m), l);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReaderInterrupted();
        }
    }

    /** Unchecked carrier for an interrupt inside the frame callback. */
    private static final class ReaderInterrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReaderInterrupted() {
            super(null, null, false, false);
        }
    }

    private void trackSequence(EslEvent event) {
        if (!desired.seesEverything()) {
            sequence.reset();
            return;
        }
        sequence.track(event.sequence());
    }

    private void publish(RingItem item, EslLink l) throws InterruptedException {
        publisher.publish(item, l);
    }

    /** Connects and authenticates on the calling thread. */
    private EslLink open() {
        return InboundHandshake.open(config, TICK_MILLIS);
    }

    private void backoff(int attempt) throws InterruptedException {
        closeSignal.await(backoff.delayNanos(attempt, ThreadLocalRandom.current().nextDouble()), TimeUnit.NANOSECONDS);
    }

    private long timeoutNanos() {
        return config.commandTimeout().toNanos();
    }

    CompletableFuture<EslMessage> send(EslCommand command) {
        EslLink l = link;
        if (l == null || !connected) {
            return CompletableFuture.failedFuture(new ConnectionLostException(address + ": not connected; '"
                    + CommandPipeline.describe(command) + "' was not sent"));
        }
        return l.send(command, timeoutNanos());
    }

    /**
     * Sends a change of the desired state now when connected. Otherwise the returned stage
     * completes (with {@code null}) once the whole desired state, this change included, has been
     * applied and answered on the next connect, or fails when that application fails or the
     * connection is closed or given up first. Call after recording the change in the desired state.
     */
    CompletableFuture<EslMessage> sendIfConnected(EslCommand command) {
        if (connected) {
            return send(command);
        }
        CompletableFuture<EslMessage> f = awaitingConnect.add();
        if (connected) {
            // connected meanwhile: the drain may have run before f was queued; applying again is idempotent
            send(command).whenComplete((r, e) -> {
                if (e != null) {
                    f.completeExceptionally(e);
                } else {
                    f.complete(r);
                }
            });
        } else if (closing.get()) {
            awaitingConnect.failAll("the connection was closed");
        }
        return f;
    }

    boolean isConnected() {
        return connected;
    }

    long eventsLost() {
        return sequence.lost();
    }

    long ringStalls() {
        return publisher.stalls();
    }

    long reconnects() {
        return reconnects.get();
    }

    long malformedEvents() {
        return malformed.get();
    }

    void close(EslCommand exit) {
        if (!closing.compareAndSet(false, true)) {
            join();
            return;
        }
        closeSignal.countDown();
        awaitingConnect.failAll("the connection was closed");
        EslLink l = link;
        if (l != null && connected) {
            try {
                l.send(exit, config.closeTimeout().toNanos()).get(config.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.debug("{}: exit not acknowledged, closing the socket: {}", address, e.toString());
                l.close();
            }
        }
        Thread t = thread;
        if (t != null) {
            try {
                if (!t.join(config.closeTimeout())) {
                    if (l != null) {
                        l.close();
                    }
                    t.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (l != null) {
            l.close();
        }
        join();
    }

    private void join() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        try {
            if (!t.join(config.closeTimeout().multipliedBy(2))) {
                LOG.error("{}: reader thread did not end within {}", address, config.closeTimeout().multipliedBy(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
