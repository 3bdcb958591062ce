/**
 * The SPI's Client and Session over a host's ESL connection: thin commands (check arguments,
 * build, send, map the reply), originate rendering, subscriptions and the reconnect resync.
 */
package io.switchio.kernel.client;
