package io.switchio.testkit.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits API arguments the way mod_commands does: at spaces, single quotes group a token (and are
 * removed), a backslash escapes the next character.
 *
 * <p>Threading: stateless.
 */
public final class ApiArgs {
    private ApiArgs() {
    }

    /** The tokens of an argument string. */
    public static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\\' && i + 1 < args.length() && (args.charAt(i + 1) == ' ' || args.charAt(i + 1) == '\'')) {
                cur.append(args.charAt(++i));
                any = true;
            } else if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }
}
