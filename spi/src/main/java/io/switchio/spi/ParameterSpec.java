package io.switchio.spi;

import java.util.Objects;

/**
 * Declares one parameter of an app: its name, type, default and meaning, so that
 * {@code switchio list-apps} can show it and values from the command line or a conf file are
 * converted and checked before the app starts.
 *
 * @param name the parameter name, e.g. {@code response}
 * @param type how the text value converts
 * @param defaultValue the default in text form, or {@code null} when the parameter is required
 * @param description one sentence for users
 *
 * <p>Threading: immutable; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record ParameterSpec(String name, ParameterType type, String defaultValue, String description) {

    /** Validates the name and, when present, that the default converts. */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must start with a letter or '_' and hold only letters, digits, '_', '.' or '-'");
        }
        if (defaultValue != null) {
            type.parse(defaultValue);
        }
    }

    /** An optional parameter with a default. */
    public static ParameterSpec optional(String name, ParameterType type, String defaultValue, String description) {
        return new ParameterSpec(name, type, Objects.requireNonNull(defaultValue, "defaultValue"), description);
    }

    /** A parameter the user must give. */
    public static ParameterSpec required(String name, ParameterType type, String description) {
        return new ParameterSpec(name, type, null, description);
    }

    /** True when the parameter has no default. */
    public boolean isRequired() {
        return defaultValue == null;
    }
}
