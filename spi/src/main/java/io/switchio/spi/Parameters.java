package io.switchio.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * An app's parameters: text values from the command line ({@code tone-play/k=v,k2=v2}), a conf file
 * or code, with typed accessors.
 *
 * <p>{@link #resolve} checks values against the app's {@link ParameterSpec}s: unknown names, values
 * that do not convert and missing required parameters are refused with a sentence naming them;
 * defaults fill the rest.
 *
 * <p>Threading: immutable; any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class Parameters {

    private final Map<String, String> values;

    private Parameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parameters as given, unchecked (for apps that declare none). */
    public static Parameters of(Map<String, String> values) {
        return new Parameters(values);
    }

    /**
     * Checks {@code given} against {@code specs} and fills defaults.
     *
     * @param appId used in error messages
     * @throws IllegalArgumentException naming the app, the parameter and what was expected
     */
    public static Parameters resolve(String appId, List<ParameterSpec> specs, Map<String, String> given) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("app '" + appId + "' has no parameter '" + name + "'"
                        + (byName.isEmpty() ? " (it takes none)" : "; it takes: " + String.join(", ", byName.keySet())));
            }
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            String value = given.get(spec.name());
            if (value == null) {
                if (spec.isRequired()) {
                    throw new IllegalArgumentException("app '" + appId + "' needs parameter '" + spec.name() + "' (" + spec.type().expected() + "): " + spec.description());
                }
                value = spec.defaultValue();
            }
            try {
                spec.type().parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("app '" + appId + "' parameter '" + spec.name() + "': " + e.getMessage(), e);
            }
            resolved.put(spec.name(), value);
        }
        return new Parameters(resolved);
    }

    /** Every value in text form. */
    public Map<String, String> asMap() {
        return values;
    }

    /** The text value, if present. */
    public Optional<String> find(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The text value. @throws NoSuchElementException when absent */
    public String getString(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new NoSuchElementException("no parameter '" + name + "'; present: " + values.keySet());
        }
        return v;
    }

    /** The value as an int. */
    public int getInt(String name) {
        return (Integer) convert(name, ParameterType.INT);
    }

    /** The value as a long. */
    public long getLong(String name) {
        return (Long) convert(name, ParameterType.LONG);
    }

    /** The value as a double. */
    public double getDouble(String name) {
        return (Double) convert(name, ParameterType.DOUBLE);
    }

    /** The value as a boolean (true/false, yes/no, on/off, 1/0). */
    public boolean getBoolean(String name) {
        return (Boolean) convert(name, ParameterType.BOOLEAN);
    }

    /** The value as a duration (250ms, 5s, 2m, 1h, plain seconds or ISO-8601). */
    public Duration getDuration(String name) {
        return (Duration) convert(name, ParameterType.DURATION);
    }

    private Object convert(String name, ParameterType type) {
        try {
            return type.parse(getString(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
