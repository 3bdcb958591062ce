package io.switchio.testkit.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed originate dial string (§13.2): {@code <enterprise>} and {@code {global}} variables, then
 * {@code |}-separated failover groups of {@code ,}-separated legs, each with its {@code [leg]}
 * variables. Variable lists honour {@code ^^<delim>} and {@code \,} escapes.
 *
 * <p>Threading: immutable value.
 *
 * @param globals variables for every leg
 * @param groups failover groups, each a list of simultaneous legs
 */
public record DialString(Map<String, String> globals, List<List<Leg>> groups) {
    /** One leg: its own variables and its endpoint text. */
    public record Leg(Map<String, String> vars, String endpoint) {
    }

    /** Parses a dial string; throws IllegalArgumentException on unbalanced brackets. */
    public static DialString parse(String text) {
        Map<String, String> globals = new LinkedHashMap<>();
        String s = text.trim();
        while (!s.isEmpty() && (s.charAt(0) == '{' || s.charAt(0) == '<')) {
            char close = s.charAt(0) == '{' ? '}' : '>';
            int end = closing(s, close);
            parseVars(s.substring(1, end), globals);
            s = s.substring(end + 1);
        }
        List<List<Leg>> groups = new ArrayList<>();
        for (String group : split(s, '|')) {
            List<Leg> legs = new ArrayList<>();
            for (String legText : split(group, ',')) {
                Map<String, String> vars = new LinkedHashMap<>();
                String l = legText.trim();
                while (l.startsWith("[")) {
                    int end = closing(l, ']');
                    parseVars(l.substring(1, end), vars);
                    l = l.substring(end + 1);
                }
                if (!l.isEmpty()) {
                    legs.add(new Leg(vars, l));
                }
            }
            if (!legs.isEmpty()) {
                groups.add(legs);
            }
        }
        return new DialString(globals, groups);
    }

    private static int closing(String s, char close) {
        int end = s.indexOf(close);
        if (end < 0) {
            throw new IllegalArgumentException("unbalanced variable block in dial string: " + s);
        }
        return end;
    }

    /** Splits at {@code sep} outside brackets, honouring backslash escapes. */
    private static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            if (c == sep && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Parses {@code a=1,b=2} (or {@code ^^:a=1:b=2}) into {@code into}. */
    static void parseVars(String text, Map<String, String> into) {
        char delim = ',';
        String s = text;
        if (s.startsWith("^^") && s.length() > 2) {
            delim = s.charAt(2);
            s = s.substring(3);
        }
        StringBuilder cur = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == delim) {
                cur.append(delim);
                i++;
            } else if (c == delim) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        for (String p : parts) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                String v = p.substring(eq + 1);
                if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
                    v = v.substring(1, v.length() - 1);
                }
                into.put(p.substring(0, eq).trim(), v);
            }
        }
    }
}
