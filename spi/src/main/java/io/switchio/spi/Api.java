package io.switchio.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * States how far app authors may rely on a public type or member of the SPI, and since when.
 *
 * <p>Modelled on JUnit's {@code @API}: every public SPI type carries it, so a plugin author can
 * tell a promise ({@link Status#STABLE}) from a shape that may still change
 * ({@link Status#EXPERIMENTAL}).
 *
 * <p>Threading: an annotation; no runtime behaviour.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
@Api(status = Api.Status.STABLE, since = "0.1")
public @interface Api {

    /** How stable the annotated element is. */
    Status status();

    /** The SPI version (see {@link SpiVersion}) that introduced the element in its present form. */
    String since();

    /** Stability levels, from most to least binding. */
    @Api(status = Status.STABLE, since = "0.1")
    enum Status {
        /** Will not change incompatibly within a major SPI version. */
        STABLE,
        /** Usable, but may change in a minor SPI version; feedback welcome. */
        EXPERIMENTAL,
        /** Kept for compatibility; will be removed in the next major SPI version. */
        DEPRECATED
    }
}
