package io.switchio.launcher.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An app named on the command line or in a conf file, with its parameters in text form:
 * {@code tone-play} or {@code tone-play/tone=%(100,0,440),loops=3}.
 *
 * <p>Values are converted to the app's declared types later, when the app's
 * {@link io.switchio.spi.ParameterSpec}s are known (see {@link PluginRegistry#resolve}).
 * Values cannot contain {@code ,}; give such values in a conf file
 * ({@code app.<id>.<param> = ...}).
 *
 * @param appId the app id
 * @param parameters name to text value, in the order given
 *
 * <p>Threading: immutable; any thread.
 */
public record AppSpec(String appId, Map<String, String> parameters) {

    /** Validates and copies. */
    public AppSpec {
        Objects.requireNonNull(appId, "appId");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses {@code id} or {@code id/k=v,k2=v2}.
     *
     * @throws IllegalArgumentException naming the spec and what was expected
     */
    public static AppSpec parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        int slash = s.indexOf('/');
        String id = (slash < 0 ? s : s.substring(0, slash)).strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("app spec '" + s + "' has no app id; expected ID or ID/name=value,name2=value2");
        }
        if (!PluginLoader.isValidAppId(id)) {
            throw new IllegalArgumentException("app spec '" + s + "': '" + id + "' is not an app id (letters, digits, '-', '_' or '.')");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (slash >= 0) {
            String rest = s.substring(slash + 1);
            if (rest.isBlank()) {
                throw new IllegalArgumentException("app spec '" + s + "' ends with '/'; expected name=value pairs after it, or no '/'");
            }
            for (String pair : rest.split(",", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair.strip() : pair.substring(0, eq).strip();
                if (eq < 0 || name.isEmpty()) {
                    throw new IllegalArgumentException("app spec '" + s + "': '" + pair + "' is not name=value");
                }
                if (params.putIfAbsent(name, pair.substring(eq + 1).strip()) != null) {
                    throw new IllegalArgumentException("app spec '" + s + "' gives parameter '" + name + "' twice");
                }
            }
        }
        return new AppSpec(id, params);
    }

    @Override
    public String toString() {
        if (parameters.isEmpty()) {
            return appId;
        }
        StringBuilder b = new StringBuilder(appId).append('/');
        parameters.forEach((k, v) -> b.append(k).append('=').append(v).append(','));
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
