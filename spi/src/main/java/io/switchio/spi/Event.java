package io.switchio.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One event as FreeSWITCH sent it: its name, headers and body.
 *
 * <p>Header values are URL-decoded on first access, one value at a time, so reading three headers
 * of a 150-header event costs three decodes. Bodies are never decoded.
 *
 * <p>Threading: immutable once handed to apps; any thread may read it.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Event {

    /**
     * The event's name as apps subscribe to it: {@code Event-Name}, except that a {@code CUSTOM}
     * event is named by its {@code Event-Subclass} (e.g. {@code mod_bert::lost_sync}).
     */
    String name();

    /**
     * The value of a header, URL-decoded.
     *
     * @param name the exact header name, e.g. {@code Unique-ID} or {@code variable_call_uuid}
     * @return the (first) value, or {@code null} when the event has no such header; an empty
     *     value is returned as the empty string, not skipped
     */
    String header(String name);

    /** Like {@link #header(String)}, as an Optional. */
    default Optional<String> findHeader(String name) {
        return Optional.ofNullable(header(name));
    }

    /**
     * Every value of a header: several when the header was repeated, or the elements of a
     * FreeSWITCH {@code ARRAY::a|:b} value.
     *
     * @return the values in wire order; empty when the header is absent
     */
    List<String> headerValues(String name);

    /** Every header, decoded, in wire order; the first value wins for repeated names. */
    Map<String, String> headers();

    /** The body carried inside the event (e.g. a BACKGROUND_JOB result), or the empty string. */
    String body();

    /** The content type the event arrived in, e.g. {@code text/event-plain}. */
    String contentType();

    /**
     * FreeSWITCH's time for the event, from {@code Event-Date-Timestamp} (microseconds since the
     * epoch), or empty when the header is missing or malformed.
     */
    Optional<Instant> timestamp();

    /** The channel uuid the event is about ({@code Unique-ID}), or {@code null}. */
    default String uniqueId() {
        return header("Unique-ID");
    }
}
