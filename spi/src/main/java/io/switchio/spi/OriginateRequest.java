package io.switchio.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to originate: an endpoint, where the new leg goes once answered, and its channel
 * variables. Rendered by the kernel as
 * {@code originate {var=value,...}<endpoint>[;fs_path=sip:<proxy>] &<app>(<arg>)} or
 * {@code ... <exten> <dialplan> <context>}.
 *
 * <p>Values may contain {@code {field}} placeholders, which makes the request a template:
 * {@link #fill(Map)} substitutes user fields, and the client fills {@code {uuid_str}} (the new
 * leg's uuid) and {@code {app_id}} per call. Values are validated when set (and again when filled):
 * CR, LF, single quotes, braces and brackets that are not placeholders and a trailing backslash are
 * refused; the endpoint, proxy and dialplan parts must be single words; the app argument may hold
 * neither {@code )} nor spaces. So user data cannot break the command. Commas inside variable
 * values are escaped and values with spaces single-quoted when rendered.
 *
 * <p>Threading: immutable; any thread. The {@link Builder} is not thread-safe.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class OriginateRequest {

    /** Placeholder the client replaces with the new leg's uuid. */
    public static final String UUID_FIELD = "uuid_str";
    /** Placeholder the client replaces with the app group id. */
    public static final String APP_ID_FIELD = "app_id";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String endpoint;
    private final String proxy;
    private final String app;
    private final String appArg;
    private final String dialplanExten;
    private final String dialplanType;
    private final String dialplanContext;
    private final Map<String, String> variables;

    private OriginateRequest(Builder b) {
        this.endpoint = b.endpoint;
        this.proxy = b.proxy;
        this.app = b.app;
        this.appArg = b.appArg;
        this.dialplanExten = b.dialplanExten;
        this.dialplanType = b.dialplanType;
        this.dialplanContext = b.dialplanContext;
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
    }

    /**
     * Starts a request for an endpoint, e.g. {@code sofia/external/1000@127.0.0.1:5080},
     * {@code sofia/gateway/gw1/1000} or {@code loopback/1000/default}. Defaults follow the Python
     * original: {@code &park()}, timeout 60 s, caller id {@code Mr_switchio}/{@code 1112223333},
     * codec PCMU, {@code ignore_early_media=true}.
     */
    public static Builder to(String endpoint) {
        return new Builder(endpoint);
    }

    /** The endpoint (dial string without variables). */
    public String endpoint() {
        return endpoint;
    }

    /** The first-hop proxy appended as {@code ;fs_path=sip:<proxy>}, if any. */
    public Optional<String> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** The application run on answer ({@code park} by default), or empty when a dialplan is used. */
    public Optional<String> app() {
        return Optional.ofNullable(app);
    }

    /** The application's argument (may be empty). */
    public String appArg() {
        return appArg;
    }

    /** The dialplan extension, when the leg goes to the dialplan instead of an application. */
    public Optional<String> dialplanExten() {
        return Optional.ofNullable(dialplanExten);
    }

    /** The dialplan type ({@code XML} by default). */
    public String dialplanType() {
        return dialplanType;
    }

    /** The dialplan context ({@code default} by default). */
    public String dialplanContext() {
        return dialplanContext;
    }

    /** The channel variables in render order. */
    public Map<String, String> variables() {
        return variables;
    }

    /** The placeholder names still present in any value. */
    public java.util.Set<String> placeholders() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        forEachValue(v -> {
            Matcher m = PLACEHOLDER.matcher(v);
            while (m.find()) {
                names.add(m.group(1));
            }
        });
        return names;
    }

    /**
     * Returns a copy with placeholders replaced. Fields not named in {@code fields} stay as
     * placeholders; values are validated like any other.
     */
    public OriginateRequest fill(Map<String, String> fields) {
        Builder b = new Builder(substitute(endpoint, fields));
        if (proxy != null) {
            b.proxy(substitute(proxy, fields));
        }
        if (app != null) {
            b.app(app, substitute(appArg, fields));
        } else {
            b.dialplan(substitute(dialplanExten, fields), dialplanType, dialplanContext);
        }
        b.variables.clear();
        variables.forEach((k, v) -> b.variable(k, substitute(v, fields)));
        return b.build();
    }

    private void forEachValue(java.util.function.Consumer<String> action) {
        action.accept(endpoint);
        if (proxy != null) {
            action.accept(proxy);
        }
        action.accept(appArg);
        if (dialplanExten != null) {
            action.accept(dialplanExten);
        }
        variables.values().forEach(action);
    }

    private static String substitute(String value, Map<String, String> fields) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = fields.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String checked(String what, String value) {
        Objects.requireNonNull(value, what);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException(what + " must not contain CR or LF: " + printable(value));
            }
        }
        String withoutPlaceholders = PLACEHOLDER.matcher(value).replaceAll("");
        for (char c : new char[] {'{', '}', '[', ']', '\''}) {
            if (withoutPlaceholders.indexOf(c) >= 0) {
                throw new IllegalArgumentException(what + " must not contain " + (c == '\'' ? "a single quote" : "'" + c + "'")
                        + " (it would break the originate string): " + value);
            }
        }
        if (value.endsWith("\\")) {
            throw new IllegalArgumentException(what + " must not end with a backslash (it would escape the next separator): " + value);
        }
        return value;
    }

    /** A value FreeSWITCH's originate API reads as one argument: no white space at all. */
    static String token(String what, String value) {
        checked(what, value);
        if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must be one non-blank word without spaces: '" + value + "'");
        }
        return value;
    }

    private static String printable(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return "OriginateRequest[" + endpoint + ", vars=" + variables + "]";
    }

    /** Builds an {@link OriginateRequest}. Threading: confined to one thread. */
    @Api(status = Api.Status.STABLE, since = "0.1")
    public static final class Builder {
        private final String endpoint;
        private String proxy;
        private String app = "park";
        private String appArg = "";
        private String dialplanExten;
        private String dialplanType = "XML";
        private String dialplanContext = "default";
        private final Map<String, String> variables = new LinkedHashMap<>();

        private Builder(String endpoint) {
            this.endpoint = token("endpoint", endpoint);
            timeout(Duration.ofSeconds(60));
            callerId("Mr_switchio", "1112223333");
            variable("originator_codec", "PCMU");
            variable("ignore_display_updates", "true");
            variable("ignore_early_media", "true");
        }

        /** Appends {@code ;fs_path=sip:<proxy>}: the first hop, e.g. the device under test. */
        public Builder proxy(String proxy) {
            this.proxy = token("proxy", proxy);
            return this;
        }

        /**
         * The application the leg runs once answered, e.g. {@code park} with arg "". FreeSWITCH ends
         * the argument at the first {@code )} and splits the command on spaces, so the argument may
         * contain neither.
         */
        public Builder app(String name, String arg) {
            if (name == null || !name.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("app name must be letters, digits or '_': '" + name + "'");
            }
            checked("app argument", arg);
            if (arg.indexOf(')') >= 0 || arg.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("app argument must contain neither ')' nor spaces (FreeSWITCH would cut it there): '" + arg + "'");
            }
            this.app = name;
            this.appArg = arg;
            this.dialplanExten = null;
            return this;
        }

        /** Sends the answered leg to a dialplan extension instead of an application. */
        public Builder dialplan(String exten, String type, String context) {
            this.dialplanExten = token("dialplan extension", exten);
            this.dialplanType = token("dialplan type", type);
            this.dialplanContext = token("dialplan context", context);
            this.app = null;
            return this;
        }

        /** {@code originate_timeout}, in whole seconds (rounded up). */
        public Builder timeout(Duration timeout) {
            long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
            return variable("originate_timeout", Long.toString(seconds));
        }

        /** {@code origination_caller_id_name} and {@code origination_caller_id_number}. */
        public Builder callerId(String name, String number) {
            variable("origination_caller_id_name", name);
            return variable("origination_caller_id_number", number);
        }

        /** {@code originator_codec}. */
        public Builder codec(String codec) {
            return variable("originator_codec", codec);
        }

        /** {@code absolute_codec_string} (commas allowed: they are escaped when rendered). */
        public Builder absoluteCodecs(String codecs) {
            return variable("absolute_codec_string", codecs);
        }

        /** {@code origination_uuid}; by default the client generates one per call. */
        public Builder uuid(String uuid) {
            return variable("origination_uuid", uuid);
        }

        /**
         * A SIP X-header sent with the INVITE: {@code name} is used as-is when it starts with
         * {@code sip_h_}, otherwise prefixed with {@code sip_h_X-}.
         */
        public Builder xheader(String name, String value) {
            String var = name.startsWith("sip_h_") ? name : "sip_h_X-" + name;
            return variable(var, value);
        }

        /** Any channel variable; set last wins, in the place it was first set. */
        public Builder variable(String name, String value) {
            checked("variable name", name);
            if (name.isBlank() || name.indexOf('=') >= 0 || name.indexOf(',') >= 0
                    || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("variable name must be non-blank without '=', ',' or spaces: '" + name + "'");
            }
            variables.put(name, checked("value of " + name, value)); // an override keeps its place
            return this;
        }

        /** Builds the immutable request. */
        public OriginateRequest build() {
            return new OriginateRequest(this);
        }
    }
}
