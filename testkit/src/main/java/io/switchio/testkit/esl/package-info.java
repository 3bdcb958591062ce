/**
 * Internal: mod_event_socket's inbound side of the simulator (listener, command reader, replies,
 * subscriptions and filters, per-connection writer with the slow-consumer policy). Not a supported API.
 */
package io.switchio.testkit.esl;
