/**
 * Sessions, calls, jobs and counters of one host, built from its events in order by the host
 * dispatcher; a session's indexed event log is also what {@code recv} waits on.
 */
package io.switchio.kernel.model;
