package io.switchio.kernel.model;

import io.switchio.spi.AppOptions;
import io.switchio.spi.Event;
import java.util.List;
import java.util.Objects;

/**
 * Where a new session belongs: its app group, from the first present activation header of its
 * creating event ({@code default} when none), and its call, from the tracking header (for
 * {@code variable_call_uuid}, FreeSWITCH's {@code Channel-Call-UUID} when the variable is
 * missing; the session's own uuid when both are).
 *
 * <p>Threading: the activation headers are a volatile list, replaced as apps load; read on the
 * host dispatcher thread, replaced from any thread.
 */
final class SessionRouting {

    private final String trackingHeader;
    private volatile List<String> appHeaders;

    SessionRouting(List<String> appHeaders, String trackingHeader) {
        this.appHeaders = List.copyOf(appHeaders);
        this.trackingHeader = Objects.requireNonNull(trackingHeader, "trackingHeader");
    }

    void appHeaders(List<String> headers) {
        this.appHeaders = List.copyOf(headers);
    }

    List<String> appHeaders() {
        return appHeaders;
    }

    String trackingHeader() {
        return trackingHeader;
    }

    /** The app group of a session created by {@code event}. */
    String appOf(Event event) {
        for (String header : appHeaders) {
            String v = event.header(header);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return AppOptions.DEFAULT_GROUP;
    }

    /** The key of the call a session created by {@code event} joins. */
    String callKeyOf(Event event, String uuid) {
        String key = event.header(trackingHeader);
        if ((key == null || key.isEmpty()) && "variable_call_uuid".equals(trackingHeader)) {
            key = event.header("Channel-Call-UUID");
        }
        return key == null || key.isEmpty() ? uuid : key;
    }
}
