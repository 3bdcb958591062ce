/**
 * JMH benchmarks and the loopback load harness; results and the commands that made them are in
 * {@code bench/RESULTS.md}.
 */
package io.switchio.bench;
