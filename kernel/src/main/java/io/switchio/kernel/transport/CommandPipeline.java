package io.switchio.kernel.transport;

import io.switchio.kernel.protocol.ApiCommand;
import io.switchio.kernel.protocol.BgapiCommand;
import io.switchio.kernel.protocol.ContentTypes;
import io.switchio.kernel.protocol.EslCommand;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.spi.ApiException;
import io.switchio.spi.SwitchioTimeoutException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The FIFO of commands written but not yet answered. FreeSWITCH answers strictly in order with no
 * correlation id (esl-protocol §2.2, §15.2), so each reply completes the oldest entry.
 *
 * <p>A command whose deadline passes is failed with {@link SwitchioTimeoutException} but keeps
 * its place: its late reply, if it comes, is consumed and dropped, so the queue never shifts and
 * later replies stay matched to their commands. A {@code command/reply} starting with
 * {@code -ERR} fails its command with {@link ApiException}; an {@code api/response} always
 * completes normally (its body is free-form; the caller interprets it).
 *
 * <p>Threading: thread-safe. Writers register under the connection's write lock (so queue order
 * equals wire order); the reader completes and expires; anyone may fail all.
 */
final class CommandPipeline {

    private record Pending(EslCommand command, CompletableFuture<EslMessage> future, long deadlineNanos, long timeoutNanos) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final String host;

    CommandPipeline(String host) {
        this.host = host;
    }

    /** Adds a command about to be written; call while holding the write lock. */
    CompletableFuture<EslMessage> register(EslCommand command, long timeoutNanos) {
        CompletableFuture<EslMessage> f = new CompletableFuture<>();
        lock.lock();
        try {
            queue.addLast(new Pending(command, f, System.nanoTime() + timeoutNanos, timeoutNanos));
        } finally {
            lock.unlock();
        }
        return f;
    }

    /** Removes the most recent registration after its write failed. */
    void unregisterLast(CompletableFuture<EslMessage> f) {
        lock.lock();
        try {
            if (!queue.isEmpty() && queue.peekLast().future() == f) {
                queue.pollLast();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes the oldest command with a reply.
     *
     * @return {@code false} when no command was waiting (an unsolicited reply)
     */
    boolean complete(EslMessage reply) {
        Pending p;
        lock.lock();
        try {
            p = queue.pollFirst();
        } finally {
            lock.unlock();
        }
        if (p == null) {
            return false;
        }
        if (ContentTypes.COMMAND_REPLY.equals(reply.contentType()) && reply.replyText().startsWith("-ERR")) {
            p.future().completeExceptionally(new ApiException(describe(p.command()), reply.replyText()));
        } else {
            p.future().complete(reply);
        }
        return true;
    }

    /** Fails every command whose deadline has passed (keeping its slot). */
    void expire(long nowNanos) {
        lock.lock();
        try {
            for (Pending p : queue) {
                if (nowNanos - p.deadlineNanos() >= 0 && !p.future().isDone()) {
                    p.future().completeExceptionally(new SwitchioTimeoutException(host + ": no reply to '"
                            + describe(p.command()) + "' within "
                            + TimeUnit.NANOSECONDS.toMillis(p.timeoutNanos()) + " ms"));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Fails and removes every pending command. */
    void failAll(RuntimeException cause) {
        ArrayDeque<Pending> drained;
        lock.lock();
        try {
            drained = new ArrayDeque<>(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
        for (Pending p : drained) {
            p.future().completeExceptionally(cause);
        }
    }

    /** Commands written and not yet answered (including timed-out ones still holding a slot). */
    int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** The command as text for messages: never includes a password. */
    static String describe(EslCommand command) {
        return switch (command) {
            case ApiCommand a -> "api " + a.command();
            case BgapiCommand b -> "bgapi " + b.command();
            default -> command.verb().endsWith("auth") ? command.verb() : command.wire().lines().findFirst().orElse("");
        };
    }
}
