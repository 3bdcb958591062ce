package io.switchio.kernel.model;

import io.switchio.spi.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event the kernel makes up itself, when FreeSWITCH cannot have sent one: after a reconnect,
 * a session that vanished meanwhile gets a {@code CHANNEL_DESTROY}, a channel that appeared gets a
 * {@code CHANNEL_CREATE}. It carries {@code switchio-Synthetic: <reason>} so apps can tell.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param headers the headers, including {@code Event-Name}
 */
public record SyntheticEvent(Map<String, String> headers) implements Event {

    /** The content type synthetic events report. */
    public static final String CONTENT_TYPE = "switchio/synthetic";

    /** Copies the headers. */
    public SyntheticEvent {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The {@code switchio-Synthetic} value of the channel rows a reconnect resync turns into events. */
    public static final String RESYNC = "resync";

    /** An event with a name, a uuid, a reason and more headers. */
    public static SyntheticEvent of(String name, String uuid, String reason, Map<String, String> more) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Event-Name", name);
        h.put("Unique-ID", uuid);
        h.put("switchio-Synthetic", reason);
        h.putAll(more);
        return new SyntheticEvent(h);
    }

    @Override
    public String name() {
        return headers.get("Event-Name");
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public List<String> headerValues(String name) {
        String v = headers.get(name);
        return v == null ? List.of() : List.of(v);
    }

    @Override
    public String body() {
        return "";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public Optional<Instant> timestamp() {
        return Optional.empty();
    }
}
