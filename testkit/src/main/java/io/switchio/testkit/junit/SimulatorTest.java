package io.switchio.testkit.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that gets one simulated FreeSWITCH for all its tests (see {@link SimulatorExtension}).
 *
 * <p>Threading: annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SimulatorExtension.class)
public @interface SimulatorTest {
    /**
     * Clock speed of the simulator (1.0 = real time).
     *
     * @return simulated seconds per real second
     */
    double speed() default 1.0;
}
