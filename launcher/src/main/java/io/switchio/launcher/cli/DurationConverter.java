package io.switchio.launcher.cli;

import io.switchio.spi.ParameterType;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Converts option values such as {@code 30s}, {@code 250ms}, {@code 2m}, {@code 1h} or
 * {@code PT5S} into a {@link Duration}, with the same rules as app parameters.
 *
 * <p>Threading: stateless; any thread.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return (Duration) ParameterType.DURATION.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
