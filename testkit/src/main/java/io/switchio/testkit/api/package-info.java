/**
 * Internal: the simulator's API commands (mod_commands equivalents), {@code originate} with its
 * dial-string grammar and endpoints, and the leg templates of the captures. Not a supported API.
 */
package io.switchio.testkit.api;
