package io.switchio.kernel.client;

import io.switchio.spi.OriginateRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What an originate sends: the request with its placeholders filled ({@code {uuid_str}},
 * {@code {app_id}} and the user's fields) and the kernel's variables added
 * ({@code origination_uuid}, the tracking variable {@code sip_h_X-switchio_originating_session}
 * and the app-id variable {@code sip_h_X-switchio_app}), rendered as the {@code originate}
 * command, and the new leg's uuid.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param command the {@code originate} api command (without {@code bgapi})
 * @param uuid the new leg's {@code origination_uuid}
 */
record OriginatePlan(String command, String uuid) {

    /** The channel variable that carries a call's app group. */
    static final String APP_HEADER_VAR = "sip_h_X-switchio_app";
    /** The channel variable that tracks the originating session. */
    static final String ORIGINATING_SESSION_VAR = "sip_h_X-switchio_originating_session";

    /**
     * @param request the request or template
     * @param fields the user's placeholder values
     * @param defaultGroup the group used when the request names none
     * @throws IllegalArgumentException when a placeholder stays unfilled
     */
    static OriginatePlan of(OriginateRequest request, Map<String, String> fields, String defaultGroup) {
        String uuid = request.variables().get("origination_uuid");
        if (uuid == null || uuid.contains("{")) {
            uuid = UUID.randomUUID().toString();
        }
        String group = request.variables().get(APP_HEADER_VAR);
        if (group == null || group.contains("{")) {
            group = defaultGroup;
        }
        Map<String, String> all = new HashMap<>(fields);
        all.put(OriginateRequest.UUID_FIELD, uuid);
        all.putIfAbsent(OriginateRequest.APP_ID_FIELD, group);
        OriginateRequest filled = request.fill(all);
        uuid = filled.variables().getOrDefault("origination_uuid", uuid);
        Map<String, String> added = new LinkedHashMap<>();
        added.put("origination_uuid", uuid);
        added.put(ORIGINATING_SESSION_VAR, uuid);
        added.put(APP_HEADER_VAR, all.get(OriginateRequest.APP_ID_FIELD));
        return new OriginatePlan(OriginateRenderer.render(filled, added), uuid);
    }
}
