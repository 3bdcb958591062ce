package io.switchio.kernel.protocol;

/**
 * The ordered headers of one message or event: names with values, duplicates kept, values
 * decoded on demand by the implementation.
 *
 * <p>Threading: immutable once built; any thread may read (lazy caches are benign races on
 * immutable Strings).
 */
interface EventHeaders {

    /** How many header lines (a repeated name counts once per line). */
    int size();

    /** The name of header {@code i}, in wire order. */
    String name(int i);

    /** The decoded value of header {@code i}. */
    String value(int i);

    /** The index of the first header with exactly this name, or -1. */
    int indexOf(String name);

    /** The index of the next header after {@code after} with exactly this name, or -1. */
    int indexOf(String name, int after);
}
