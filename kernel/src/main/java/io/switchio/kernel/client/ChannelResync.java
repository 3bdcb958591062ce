package io.switchio.kernel.client;

import io.switchio.kernel.model.ModelRegistry;
import io.switchio.kernel.model.SessionModel;
import io.switchio.kernel.model.SyntheticEvent;
import io.switchio.spi.Event;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a reconnect, brings a host's sessions back in line with FreeSWITCH's live channels
 * ({@code show channels as json}): sessions that vanished get a synthetic {@code CHANNEL_DESTROY},
 * channels that appeared get a synthetic {@code CHANNEL_CREATE}, both dispatched like real events.
 *
 * <p>Threading: {@link #query} blocks on the host's channel (run it off the dispatcher thread);
 * {@link #reconcile} runs on the dispatcher thread.
 */
public final class ChannelResync {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelResync.class);
    /** The value of {@code switchio-Synthetic} on resync events. */
    public static final String REASON = io.switchio.kernel.model.SyntheticEvent.RESYNC;

    private ChannelResync() {
    }

    /** Asks FreeSWITCH for its live channels. */
    public static List<Map<String, String>> query(CommandChannel channel) {
        return ShowChannelsJson.rows(channel.api("show channels as json"));
    }

    /**
     * Computes the synthetic events that reconcile the models with the live channels.
     *
     * @param candidates uuids of the sessions known before the query was sent: only those can
     *     have vanished (a session created by an event after the query is not in its rows)
     * @return events to dispatch, destroys first
     */
    public static List<Event> reconcile(ModelRegistry models, Set<String> candidates, List<Map<String, String>> rows) {
        Set<String> live = new HashSet<>();
        List<Event> events = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String uuid = row.get("uuid");
            if (uuid == null || uuid.isEmpty()) {
                continue;
            }
            live.add(uuid);
            if (models.session(uuid) == null && !models.recentlyDestroyed(uuid)) {
                Map<String, String> h = new LinkedHashMap<>();
                putIf(h, "Call-Direction", row.get("direction"));
                putIf(h, "Channel-Name", row.get("name"));
                putIf(h, "Channel-Call-UUID", row.get("call_uuid"));
                putIf(h, "variable_call_uuid", row.get("call_uuid"));
                putIf(h, "Caller-Destination-Number", row.get("dest"));
                putIf(h, "Channel-Call-State", row.get("callstate"));
                events.add(SyntheticEvent.of("CHANNEL_CREATE", uuid, REASON, h));
            }
        }
        List<Event> destroys = new ArrayList<>();
        for (SessionModel s : models.sessions()) {
            if (!live.contains(s.uuid()) && candidates.contains(s.uuid())) {
                destroys.add(SyntheticEvent.of("CHANNEL_DESTROY", s.uuid(), REASON,
                        Map.of("Hangup-Cause", s.find("Hangup-Cause").orElse("NORMAL_UNSPECIFIED"))));
            }
        }
        if (!destroys.isEmpty() || !events.isEmpty()) {
            LOG.info("resync after reconnect: {} session(s) vanished, {} appeared", destroys.size(), events.size());
        }
        destroys.addAll(events);
        return destroys;
    }

    private static void putIf(Map<String, String> h, String name, String value) {
        if (value != null && !value.isEmpty()) {
            h.put(name, value);
        }
    }
}
