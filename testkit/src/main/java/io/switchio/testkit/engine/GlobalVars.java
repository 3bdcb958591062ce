package io.switchio.testkit.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The switch's global variables ({@code global_getvar}, {@code global_setvar}, {@code $${name}}),
 * seeded like a stock FreeSWITCH 1.10 with the values {@code vars.xml} and the core set:
 * {@code hostname}, {@code switchname}, {@code local_ip_v4}, {@code local_ip_v6}, {@code domain}, {@code hold_music},
 * {@code core_uuid} and one {@code <profile>_sip_port} per SIP profile.
 *
 * <p>Threading: thread-safe (a concurrent map); read by the engine thread and API handlers.
 */
public final class GlobalVars {
    private final Map<String, String> vars = new ConcurrentHashMap<>();
    private final EventBus bus;

    /** Globals for a switch with this configuration; {@code core_uuid} follows the bus's core UUID. */
    public GlobalVars(SimConfig config, EventBus bus) {
        this.bus = bus;
        vars.put("hostname", config.hostname());
        vars.put("switchname", config.hostname());
        vars.put("local_ip_v4", "127.0.0.1");
        vars.put("local_ip_v6", "::1");
        vars.put("domain", "127.0.0.1");
        vars.put("domain_name", "127.0.0.1");
        vars.put("hold_music", "local_stream://moh");
        config.sipProfiles().forEach((profile, port) -> vars.put(profile + "_sip_port", Integer.toString(port)));
    }

    /** The value, or null when unset. */
    public String get(String name) {
        if (name == null) {
            return null;
        }
        return "core_uuid".equals(name) ? bus.coreUuid() : vars.get(name);
    }

    /** Sets a variable; a null or empty value unsets it (as {@code switch_core_set_variable}). */
    public void set(String name, String value) {
        if (value == null || value.isEmpty()) {
            vars.remove(name);
        } else {
            vars.put(name, value);
        }
    }
}
