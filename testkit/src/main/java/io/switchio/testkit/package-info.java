/**
 * A protocol-faithful FreeSWITCH simulator for tests, demos and load runs.
 *
 * <p>Public API: {@link io.switchio.testkit.FreeSwitchSimulator} (and its builder),
 * {@link io.switchio.testkit.SimChannel}, {@link io.switchio.testkit.SimFaults},
 * {@link io.switchio.testkit.SimStats}, {@link io.switchio.testkit.SimulatorMain} and the JUnit 5
 * helpers in {@code io.switchio.testkit.junit}. The sub-packages {@code engine}, {@code esl},
 * {@code api} and {@code apps} are the simulator's internals: public only so they can see each
 * other, not a supported API.
 */
package io.switchio.testkit;
