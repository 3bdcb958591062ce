/**
 * App descriptors: marked methods found and checked once, loaded apps by group, and the immutable
 * routing table the dispatcher and session threads read without locks.
 */
package io.switchio.kernel.app;
