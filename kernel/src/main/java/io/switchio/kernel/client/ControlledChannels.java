package io.switchio.kernel.client;

import io.switchio.spi.ConnectionLostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link CommandChannel} of the outbound side as a whole: the sockets of every channel
 * FreeSWITCH handed over, by the controlled channel's uuid. A command for one channel goes over
 * that channel's socket; an {@code api} or {@code bgapi} that names no channel goes over any open
 * socket (it needs the socket app's {@code full}); the subscription is the same on every socket
 * (each socket only carries its own channel's events, esl-protocol §5.6), and a socket handed over
 * later receives it at once.
 *
 * <p>Threading: any thread; the map is concurrent; {@link #add} is called on a connection's
 * reader thread and never waits.
 */
public final class ControlledChannels implements CommandChannel {

    private final Map<String, ControlledChannel> byUuid = new ConcurrentHashMap<>();
    private volatile Set<String> desired = Set.of();

    /** Adds a handed-over channel and sends it the current subscription without waiting. */
    public void add(ControlledChannel channel) {
        byUuid.put(channel.uniqueId(), channel);
        channel.subscribeAsync(desired);
    }

    /** Forgets a channel whose socket ended; returns it, or {@code null}. */
    public ControlledChannel remove(String uuid) {
        return byUuid.remove(uuid);
    }

    /** The channel controlling this uuid, or {@code null}. */
    public ControlledChannel get(String uuid) {
        return byUuid.get(uuid);
    }

    /** The channel controlling this uuid, or {@link ConnectionLostException} naming it. */
    public ControlledChannel require(String uuid) {
        ControlledChannel c = byUuid.get(uuid);
        if (c == null) {
            throw new ConnectionLostException("no outbound socket controls channel " + uuid + " (any more)");
        }
        return c;
    }

    /** Every channel whose socket is open now. */
    public List<ControlledChannel> open() {
        List<ControlledChannel> all = new ArrayList<>();
        for (ControlledChannel c : byUuid.values()) {
            if (c.isConnected()) {
                all.add(c);
            }
        }
        return all;
    }

    private ControlledChannel any(String what) {
        for (ControlledChannel c : byUuid.values()) {
            if (c.isConnected()) {
                return c;
            }
        }
        throw new ConnectionLostException("'" + what + "': no outbound socket is open to send it on");
    }

    @Override
    public String api(String command) {
        return any("api " + command).api(command);
    }

    /** On the channel's own socket while it is open, else on any open socket. */
    @Override
    public String apiFor(String uuid, String command) {
        ControlledChannel own = byUuid.get(uuid);
        return own != null && own.isConnected() ? own.api(command) : api(command);
    }

    @Override
    public String bgapi(String command, String jobUuid) {
        return any("bgapi " + command).bgapi(command, jobUuid);
    }

    @Override
    public void execute(String uuid, String app, String arg, int loops) {
        require(uuid).execute(uuid, app, arg, loops);
    }

    /** Applies the set on every open socket and waits for their replies (refusals are logged). */
    @Override
    public void subscribe(Set<String> events) {
        desired = Set.copyOf(events);
        List<CompletableFuture<?>> replies = new ArrayList<>();
        for (ControlledChannel c : open()) {
            replies.add(c.subscribeAsync(events));
        }
        try {
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // each failure was logged by its channel
        }
    }

    /** True while at least one handed-over socket is open. */
    @Override
    public boolean isConnected() {
        return !open().isEmpty();
    }
}
