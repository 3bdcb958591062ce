/**
 * Internal: the switch side of the simulator. One engine thread owns every {@code Channel} (plain
 * fields, no locks) and drives states, apps and timers; {@code ChannelEvents} lays events out like
 * the captures; {@code EventBus} numbers and fans them out; {@code EventCodec} serialises them.
 * Not a supported API.
 */
package io.switchio.testkit.engine;
