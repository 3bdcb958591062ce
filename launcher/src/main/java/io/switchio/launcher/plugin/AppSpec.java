package io.switchio.launcher.plugin;

import io.switchio.launcher.Escaped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app named on the command line or in a conf file, with its parameters in text form:
 * {@code tone-play} or {@code tone-play/tone=%(100,0,440),loops=3}.
 *
 * <p>Values are converted to the app's declared types later, when the app's
 * {@link io.switchio.spi.ParameterSpec}s are known (see {@link PluginRegistry#resolve}).
 *
 * <p>Commas inside values: a comma followed by {@code name=} (a parameter name: letters, digits,
 * {@code _ - .}) starts the next parameter; any other comma belongs to the value before it, so
 * {@code tone-play/tone=%(300,0,440),loops=3} has two parameters. Write {@code \,} for a comma that
 * must stay in a value even though {@code name=} follows it, and {@code \\} for a backslash before
 * a comma.
 *
 * @param appId the app id
 * @param parameters name to text value, in the order given
 *
 * <p>Threading: immutable; any thread.
 */
public record AppSpec(String appId, Map<String, String> parameters) {

    /** A piece of the spec that starts a new parameter: {@code name=}. */
    private static final Pattern PAIR_START = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*=");

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
            throw new IllegalArgumentException("app spec '" + Escaped.of(s) + "' has no app id; expected ID or ID/name=value,name2=value2");
        }
        if (!PluginLoader.isValidAppId(id)) {
            throw new IllegalArgumentException("app spec '" + Escaped.of(s) + "': '" + Escaped.of(id) + "' is not an app id (letters, digits, '-', '_' or '.')");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (slash >= 0) {
            String rest = s.substring(slash + 1);
            if (rest.isBlank()) {
                throw new IllegalArgumentException("app spec '" + Escaped.of(s) + "' ends with '/'; expected name=value pairs after it, or no '/'");
            }
            String name = null;
            StringBuilder value = new StringBuilder();
            for (String piece : splitOnUnescapedCommas(s, rest)) {
                Matcher m = PAIR_START.matcher(piece);
                if (m.lookingAt()) {
                    put(s, params, name, value);
                    name = m.group(1);
                    value.setLength(0);
                    value.append(piece.substring(m.end()));
                } else if (name == null || piece.isBlank()) {
                    throw new IllegalArgumentException("app spec '" + Escaped.of(s) + "': '" + Escaped.of(piece) + "' is not name=value");
                } else {
                    value.append(',').append(piece);
                }
            }
            put(s, params, name, value);
        }
        return new AppSpec(id, params);
    }

    private static void put(String spec, Map<String, String> params, String name, CharSequence value) {
        if (name != null && params.putIfAbsent(name, value.toString().strip()) != null) {
            throw new IllegalArgumentException("app spec '" + Escaped.of(spec) + "' gives parameter '" + name + "' twice");
        }
    }

    /** Splits at commas not escaped by a backslash, unescaping {@code \,} and {@code \\}. */
    private static List<String> splitOnUnescapedCommas(String spec, String rest) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\\' && i + 1 < rest.length() && (rest.charAt(i + 1) == ',' || rest.charAt(i + 1) == '\\')) {
                piece.append(rest.charAt(++i));
            } else if (c == ',') {
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return pieces;
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
