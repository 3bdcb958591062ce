package io.switchio.kernel.protocol;

import java.util.Arrays;

/**
 * Headers whose values were decoded while parsing (JSON and XML events, where the parser has to
 * read every value to find the end anyway). An array value is kept in FreeSWITCH's
 * {@code ARRAY::a|:b} form so every format answers lookups the same way.
 *
 * <p>Threading: filled by one parser thread, then immutable; any thread may read.
 */
final class DecodedHeaders implements EventHeaders {

    private String[] names = new String[32];
    private String[] values = new String[32];
    private int count;

    void add(String name, String value) {
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        names[count] = name;
        values[count] = value;
        count++;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public String name(int i) {
        return names[i];
    }

    @Override
    public String value(int i) {
        return values[i];
    }

    @Override
    public int indexOf(String name) {
        return indexOf(name, -1);
    }

    @Override
    public int indexOf(String name, int after) {
        for (int i = after + 1; i < count; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
