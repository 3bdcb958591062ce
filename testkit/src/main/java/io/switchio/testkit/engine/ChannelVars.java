package io.switchio.testkit.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A channel's variables in insertion order, kept in two small arrays (a few hundred bytes per
 * channel instead of a hash map's kilobytes). Setting an existing name moves it to the end, as
 * FreeSWITCH's event header list does.
 *
 * <p>Threading: owned by the engine thread.
 */
public final class ChannelVars {
    /** An empty set of variables. */
    public ChannelVars() {
    }

    private String[] keys = new String[16];
    private String[] values = new String[16];
    private String[] headerNames = new String[16];
    private byte[][] plainLines = new byte[16][];
    private int size;

    /** Sets (or, with a null or empty value, removes) a variable. */
    public void set(String name, String value) {
        int i = indexOf(name);
        if (i >= 0) {
            remove(i);
        }
        if (value == null || value.isEmpty()) {
            return;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
            headerNames = Arrays.copyOf(headerNames, size * 2);
            plainLines = Arrays.copyOf(plainLines, size * 2);
        }
        plainLines[size] = null;
        headerNames[size] = "variable_" + name;
        keys[size] = name;
        values[size++] = value;
    }

    /** Sets a variable only if it is not set yet. */
    public void setIfAbsent(String name, String value) {
        if (indexOf(name) < 0) {
            set(name, value);
        }
    }

    /** The value, or null. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    /** Number of variables. */
    public int size() {
        return size;
    }

    /** Name at position i. */
    public String key(int i) {
        return keys[i];
    }

    /** Event header name ({@code variable_<name>}) at position i, built once. */
    public String headerName(int i) {
        return headerNames[i];
    }

    /** The encoded plain event line of variable i, built once per value. */
    public byte[] plainLine(int i) {
        byte[] l = plainLines[i];
        if (l == null) {
            l = EventCodec.plainLine(headerNames[i], values[i]);
            plainLines[i] = l;
        }
        return l;
    }

    /** Value at position i. */
    public String value(int i) {
        return values[i];
    }

    /** A copy as an ordered map. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            m.put(keys[i], values[i]);
        }
        return m;
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void remove(int i) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        System.arraycopy(headerNames, i + 1, headerNames, i, size - i - 1);
        System.arraycopy(plainLines, i + 1, plainLines, i, size - i - 1);
        plainLines[size - 1] = null;
        keys[--size] = null;
        values[size] = null;
        headerNames[size] = null;
    }
}
