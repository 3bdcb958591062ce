/**
 * Internal: the simulator's dialplan applications (mod_dptools equivalents). Not a supported API.
 */
package io.switchio.testkit.apps;
