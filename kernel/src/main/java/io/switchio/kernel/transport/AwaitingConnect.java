package io.switchio.kernel.transport;

import io.switchio.kernel.protocol.EslMessage;
import io.switchio.spi.ConnectionLostException;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The stages of desired-state changes (subscriptions, filters, log level) made while a
 * connection was down. Each completes once the whole desired state has been applied and
 * answered on the next connect, or fails when that application fails, or when the connection is
 * closed or gives up first; so a caller that waits learns when the change really took effect.
 *
 * <p>Threading: any thread; a lock-free queue. {@link #add} from senders, {@link #applied} from
 * the connection's reader (or starting) thread, {@link #failAll} from whoever closes.
 */
final class AwaitingConnect {

    private final String address;
    private final Queue<CompletableFuture<EslMessage>> waiting = new ConcurrentLinkedQueue<>();

    /** @param address the host, for failure messages */
    AwaitingConnect(String address) {
        this.address = address;
    }

    /** A new stage that waits for the next application of the desired state. */
    CompletableFuture<EslMessage> add() {
        CompletableFuture<EslMessage> f = new CompletableFuture<>();
        waiting.add(f);
        return f;
    }

    /** The desired state was just sent; every waiting stage follows {@code replies}. */
    void applied(CompletableFuture<?> replies) {
        CompletableFuture<EslMessage> w;
        while ((w = waiting.poll()) != null) {
            CompletableFuture<EslMessage> stage = w;
            replies.whenComplete((v, error) -> {
                if (error == null) {
                    stage.complete(null);
                } else {
                    stage.completeExceptionally(error instanceof CompletionException ce && ce.getCause() != null
                            ? ce.getCause() : error);
                }
            });
        }
    }

    /** Fails every waiting stage: the change will never be applied on this connection. */
    void failAll(String why) {
        CompletableFuture<EslMessage> w;
        while ((w = waiting.poll()) != null) {
            w.completeExceptionally(new ConnectionLostException(address + ": " + why
                    + " before the change could be applied"));
        }
    }
}
