package io.switchio.spi;

import java.util.Map;
import java.util.Objects;

/**
 * How to load an app on a client: under which group, activated by which header, with which
 * parameters.
 *
 * <p>A session is handled by the group named by the first present header of the configured
 * activation headers (by default {@code variable_sip_h_X-switchio_app}), else by the group
 * {@value #DEFAULT_GROUP}. Apps of one group run in load order; {@code measurer} apps (CDR
 * collectors) run before the others.
 *
 * @param group the group id; {@code null} means the app's name
 * @param header an extra activation header to consult first (e.g. {@code Caller-Context}), or
 *     {@code null}
 * @param parameters the app's parameters (typed by its {@link ParameterSpec}s when known)
 * @param measurer whether the app is a measurer, run before the other apps of its group
 *
 * <p>Threading: immutable; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record AppOptions(String group, String header, Parameters parameters, boolean measurer) {

    /** The group of sessions that carry no activation header. */
    public static final String DEFAULT_GROUP = "default";

    /** Validates the parts. */
    public AppOptions {
        Objects.requireNonNull(parameters, "parameters");
        if (group != null && (group.isBlank() || group.indexOf('\r') >= 0 || group.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("group must be non-blank without CR/LF: '" + group + "'");
        }
    }

    /** Loads under the {@value #DEFAULT_GROUP} group with no parameters. */
    public static AppOptions defaults() {
        return new AppOptions(DEFAULT_GROUP, null, Parameters.of(Map.of()), false);
    }

    /** Loads under {@code group} with no parameters. */
    public static AppOptions group(String group) {
        return new AppOptions(group, null, Parameters.of(Map.of()), false);
    }

    /** A copy with other parameters. */
    public AppOptions withParameters(Parameters parameters) {
        return new AppOptions(group, header, parameters, measurer);
    }

    /** A copy with an extra activation header. */
    public AppOptions withHeader(String header) {
        return new AppOptions(group, header, parameters, measurer);
    }

    /** A copy marked as measurer. */
    public AppOptions asMeasurer() {
        return new AppOptions(group, header, parameters, true);
    }
}
