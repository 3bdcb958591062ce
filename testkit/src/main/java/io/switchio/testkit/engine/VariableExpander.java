package io.switchio.testkit.engine;

import java.util.function.BiFunction;

/**
 * FreeSWITCH's {@code switch_channel_expand_variables}: replaces {@code ${name}} by the channel
 * variable (falling back to the caller-profile field, then to the global variable of that name),
 * {@code $${name}} by the global variable, {@code ${name:offset[:length]}} by a substring,
 * {@code ${name[i]}} by an array element, and {@code ${api args}} / {@code ${api(args)}} by the
 * output of an API. Names and values are themselves expanded (nested {@code ${...}}). Unknown
 * names expand to the empty string. Escapes: {@code \$} is a literal {@code $} (and {@code \$$} a
 * single one), {@code \\} a single backslash, {@code \'} disappears. A string without
 * <code>${</code> and without escapes is returned unchanged, backslashes included.
 *
 * <p>Threading: engine thread only (it reads channel fields).
 */
public final class VariableExpander {
    private static final int MAX_DEPTH = 32;
    private final GlobalVars globals;
    private final BiFunction<String, String, String> api;

    /**
     * An expander over these globals; {@code api} runs {@code ${name args}} and returns the output,
     * or null when the API cannot answer at once (which expands to the empty string).
     */
    public VariableExpander(GlobalVars globals, BiFunction<String, String, String> api) {
        this.globals = globals;
        this.api = api;
    }

    /** The expansion of {@code in} against {@code ch} (null: globals only). */
    public String expand(String in, Channel ch) {
        return expand(in, ch, 0);
    }

    private String expand(String in, Channel ch, int depth) {
        if (in == null || in.isEmpty() || depth > MAX_DEPTH || !needsExpansion(in)) {
            return in;
        }
        StringBuilder out = new StringBuilder(in.length() + 16);
        int n = in.length();
        int i = 0;
        while (i < n) {
            char c = in.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = in.charAt(i + 1);
                if (next == '$') {
                    out.append('$');
                    i += (i + 2 < n && in.charAt(i + 2) == '$') ? 3 : 2;
                    continue;
                } else if (next == '\'') {
                    i += 2;
                    continue;
                } else if (next == '\\') {
                    out.append('\\');
                    i += 2;
                    continue;
                }
            }
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            boolean global = j < n && in.charAt(j) == '$';
            if (global) {
                j++;
            }
            if (j >= n || in.charAt(j) != '{') {
                out.append('$');
                i = j;
                continue;
            }
            int start = j + 1;
            int end = closingBrace(in, start);
            String body = in.substring(start, Math.min(end, n));
            out.append(lookup(body, global, ch, depth));
            i = end + 1;
        }
        return out.toString();
    }

    /** Index of the brace that closes a {@code ${} opened just before {@code start}, or the length. */
    private static int closingBrace(String in, int start) {
        int depth = 1;
        for (int e = start; e < in.length(); e++) {
            char c = in.charAt(e);
            if (depth == 1 && c == '}') {
                return e;
            }
            if (e != start && c == '{') {
                depth++;
            } else if (depth > 1 && c == '}') {
                depth--;
            }
        }
        return in.length();
    }

    private String lookup(String body, boolean global, Channel ch, int depth) {
        int call = -1;
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == ' ' || c == '(') {
                call = k;
                break;
            }
        }
        if (call >= 0) {
            return apiCall(body, call, ch, depth);
        }
        String name = expand(body, ch, depth + 1);
        int offset = 0;
        int length = 0;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            String spec = name.substring(colon + 1);
            name = name.substring(0, colon);
            int second = spec.indexOf(':');
            offset = leadingInt(second < 0 ? spec : spec.substring(0, second));
            length = second < 0 ? 0 : leadingInt(spec.substring(second + 1));
        }
        int index = -1;
        int bracket = name.indexOf('[');
        if (bracket >= 0 && name.indexOf(']', bracket) > 0) {
            index = leadingInt(name.substring(bracket + 1));
            name = name.substring(0, bracket);
        }
        String value = global ? globals.get(name) : channelValue(ch, name, index);
        value = value == null ? "" : expand(value, ch, depth + 1);
        return substring(value, offset, length);
    }

    private String apiCall(String body, int at, Channel ch, int depth) {
        String name = body.substring(0, at).stripTrailing();
        String args = body.substring(at + 1);
        if (body.charAt(at) == '(') {
            int close = matchingParen(args);
            args = close < 0 ? args : args.substring(0, close);
        }
        String out = api.apply(expand(name, ch, depth + 1), expand(args, ch, depth + 1));
        return out == null ? "" : out;
    }

    private static int matchingParen(String s) {
        int depth = 1;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /**
     * A variable as {@code switch_channel_get_variable_dup} reads it ({@code uuid_getvar},
     * {@code ${name}}): {@code name[i]} takes an array element; unset channel variables fall back to
     * the caller-profile field, then to the global variable. Null when none has it.
     */
    public String lookup(Channel ch, String nameWithIndex) {
        String name = nameWithIndex;
        int index = -1;
        int bracket = name.indexOf('[');
        if (bracket >= 0 && name.indexOf(']', bracket) > 0) {
            index = leadingInt(name.substring(bracket + 1));
            name = name.substring(0, bracket);
        }
        return channelValue(ch, name, index);
    }

    private String channelValue(Channel ch, String name, int index) {
        if (ch == null) {
            return globals.get(name);
        }
        String v = ch.vars.get(name);
        if (v != null && index >= 0) {
            v = arrayElement(v, index);
        }
        if (v == null) {
            v = profileField(ch, name);
        }
        return v != null ? v : globals.get(name);
    }

    private static String arrayElement(String v, int index) {
        if (!v.startsWith("ARRAY::")) {
            return index == 0 ? v : null;
        }
        String[] parts = v.substring(7).split("\\|:", -1);
        return index < parts.length ? parts[index] : null;
    }

    /** The caller-profile fields {@code switch_caller_get_field_by_name} knows. */
    private static String profileField(Channel ch, String name) {
        return switch (name) {
            case "dialplan" -> ch.dialplan;
            case "username" -> ch.username;
            case "caller_id_name" -> ch.cidName;
            case "caller_id_number", "ani" -> ch.cidNumber;
            case "callee_id_name" -> ch.calleeName;
            case "callee_id_number" -> ch.calleeNumber;
            case "network_addr" -> ch.networkAddr;
            case "destination_number" -> ch.destination;
            case "uuid" -> ch.uuid;
            case "source" -> ch.source;
            case "context" -> ch.context;
            case "chan_name" -> ch.name;
            default -> null;
        };
    }

    private static String substring(String v, int offset, int length) {
        String s = v;
        if (offset >= 0) {
            s = offset >= s.length() ? "" : s.substring(offset);
        } else if (-offset <= s.length()) {
            s = s.substring(s.length() + offset);
        }
        if (length > 0 && length < s.length()) {
            s = s.substring(0, length);
        }
        return s;
    }

    private static int leadingInt(String s) {
        int k = 0;
        int sign = 1;
        String t = s.strip();
        if (t.startsWith("-")) {
            sign = -1;
            k = 1;
        } else if (t.startsWith("+")) {
            k = 1;
        }
        int v = 0;
        while (k < t.length() && Character.isDigit(t.charAt(k)) && v < 100_000_000) {
            v = v * 10 + (t.charAt(k++) - '0');
        }
        return sign * v;
    }

    /** True if {@code s} holds a {@code ${} or an escape that expansion rewrites. */
    static boolean needsExpansion(String s) {
        return s.contains("${") || s.contains("\\$") || s.contains("\\'");
    }
}
