package io.switchio.kernel.testing;

import io.switchio.spi.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tiny in-memory event for unit tests. Threading: immutable. */
public record MapEvent(Map<String, String> headers, String body) implements Event {

    /** An event with a name, a Unique-ID and extra header pairs. */
    public static MapEvent of(String name, String uuid, String... pairs) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Event-Name", name);
        if (uuid != null) {
            h.put("Unique-ID", uuid);
        }
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            h.put(pairs[i], pairs[i + 1]);
        }
        return new MapEvent(Map.copyOf(h), "");
    }

    /** A BACKGROUND_JOB event. */
    public static MapEvent job(String jobUuid, String body) {
        return new MapEvent(Map.of("Event-Name", "BACKGROUND_JOB", "Job-UUID", jobUuid), body);
    }

    @Override
    public String name() {
        String n = headers.get("Event-Name");
        return "CUSTOM".equals(n) ? headers.get("Event-Subclass") : n;
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
    public String contentType() {
        return "text/event-plain";
    }

    @Override
    public Optional<Instant> timestamp() {
        return Optional.empty();
    }
}
