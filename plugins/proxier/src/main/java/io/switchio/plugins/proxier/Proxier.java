package io.switchio.plugins.proxier;

import io.switchio.spi.AppContext;
import io.switchio.spi.Callback;
import io.switchio.spi.Prepost;
import io.switchio.spi.Session;
import java.util.Map;

/**
 * The Proxier app of the Python original: every inbound leg that parks is bridged to its own
 * Request-URI through its own Sofia profile ({@code sofia/${sofia_profile_name}/${sip_req_uri}}),
 * optionally through a first-hop proxy. This makes a FreeSWITCH a pass-through "device under test"
 * for the load generator. FreeSWITCH needs mod_dptools (bridge) and mod_sofia for it.
 *
 * <p>Threading: one shared instance; {@link #setup} runs once per host before any event, then
 * {@link #onPark} runs on session threads and only reads the immutable proxy string.
 */
public final class Proxier implements Prepost {

    private volatile String proxy;

    @Override
    public void setup(AppContext context) {
        String value = context.parameters().getString(ProxierProvider.PROXY).trim();
        proxy = value.isEmpty() ? null : value;
    }

    /** Bridges an inbound leg to its Request-URI when it parks. */
    @Callback("CHANNEL_PARK")
    public void onPark(Session session) {
        if (session.isInbound()) {
            session.bridge(dialString(session), proxy, Map.of());
        }
    }

    /**
     * {@code sofia/<profile>/<request-uri>} from the leg's own channel variables, or {@code null}
     * (the kernel then sends {@code sofia/${sofia_profile_name}/${sip_req_uri}} for FreeSWITCH to
     * expand) when the event did not carry them.
     */
    static String dialString(Session session) {
        String profile = session.get("variable_sofia_profile_name");
        String requestUri = session.get("variable_sip_req_uri");
        if (profile == null || profile.isBlank() || requestUri == null || requestUri.isBlank()) {
            return null;
        }
        return "sofia/" + profile + "/" + requestUri;
    }

    /** The first-hop proxy, or {@code null} when legs go straight to their Request-URI. */
    public String proxy() {
        return proxy;
    }
}
