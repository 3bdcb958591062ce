/**
 * JUnit 5 helpers: {@link io.switchio.testkit.junit.SimulatorTest} starts one simulator per test
 * class and injects it into fields and parameters of type {@code FreeSwitchSimulator}.
 */
package io.switchio.testkit.junit;
