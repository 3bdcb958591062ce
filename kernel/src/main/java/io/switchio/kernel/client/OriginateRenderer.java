package io.switchio.kernel.client;

import io.switchio.spi.OriginateRequest;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders an {@link OriginateRequest} as the argument of {@code originate} (switchio-reference
 * §2.10): {@code {var=value,...}<endpoint>[;fs_path=sip:<proxy>] &<app>(<arg>)} or
 * {@code ... <exten> <dialplan> <context>}. Commas in values are escaped as {@code \,} and values
 * with spaces single-quoted; the request already refused CR, LF, quotes, braces and brackets.
 *
 * <p>Threading: stateless; any thread.
 */
public final class OriginateRenderer {

    private OriginateRenderer() {
    }

    /**
     * Renders a filled request (no placeholders left).
     *
     * @param added variables appended when the request does not set them
     * @throws IllegalArgumentException naming the fields still unfilled
     */
    public static String render(OriginateRequest request, Map<String, String> added) {
        if (!request.placeholders().isEmpty()) {
            throw new IllegalArgumentException("originate template has unfilled fields " + request.placeholders());
        }
        StringJoiner vars = new StringJoiner(",", "{", "}");
        vars.setEmptyValue("");
        request.variables().forEach((k, v) -> vars.add(k + "=" + value(v)));
        added.forEach((k, v) -> {
            if (!request.variables().containsKey(k)) {
                // the same checks as a variable block's, plus the two quirks of the originate API
                if (WireArguments.variable(k, v).indexOf('\'') >= 0 || v.endsWith("\\")) {
                    throw new IllegalArgumentException("value of " + k + " must not contain a single quote, nor end with a backslash: '" + v + "'");
                }
                vars.add(k + "=" + value(v));
            }
        });
        StringBuilder out = new StringBuilder("originate ").append(vars).append(request.endpoint());
        request.proxy().ifPresent(p -> out.append(";fs_path=sip:").append(p));
        if (request.app().isPresent()) {
            out.append(" &").append(request.app().get()).append('(').append(request.appArg()).append(')');
        } else {
            out.append(' ').append(request.dialplanExten().orElseThrow()).append(' ').append(request.dialplanType())
                    .append(' ').append(request.dialplanContext());
        }
        return WireArguments.text("originate command", out.toString());
    }

    /**
     * One variable value: commas escaped as {@code \,}; a value with white space single-quoted,
     * since the originate API splits its arguments on spaces and strips the quotes (esl-protocol
     * §13.2).
     */
    private static String value(String v) {
        String escaped = WireArguments.escapeCommas(v);
        return escaped.chars().anyMatch(Character::isWhitespace) ? "'" + escaped + "'" : escaped;
    }
}
