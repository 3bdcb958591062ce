package io.switchio.testkit.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Serialises a {@link SimEvent} the way FreeSWITCH's {@code switch_event_serialize},
 * {@code switch_event_serialize_json} and {@code switch_event_xmlize} do (esl-protocol.md §8).
 *
 * <p>Threading: stateless, any thread.
 */
public final class EventCodec {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final String UNSAFE = "\r\n #%&+:;<=>?@[\\]^`{|}\"";

    private EventCodec() {
    }

    /** URL-encodes a value byte by byte with FreeSWITCH's unsafe set and its no-double-encoding quirk (§8.1.1). */
    public static String urlEncode(String value) {
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        if (isSafe(in)) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xFF;
            if (b == '%' && i + 2 < in.length && isUpperHex(in[i + 1]) && isUpperHex(in[i + 2])) {
                out.write(b);
            } else if (b < 0x20 || b > 0x7E || UNSAFE.indexOf(b) >= 0) {
                out.write('%');
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 0xF]);
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static boolean isSafe(byte[] in) {
        for (byte x : in) {
            int b = x & 0xFF;
            if (b < 0x20 || b > 0x7E || UNSAFE.indexOf(b) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpperHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F');
    }

    /** The plain serialisation (outer body of a {@code text/event-plain} frame). */
    public static byte[] plain(SimEvent e) {
        StringBuilder sb = new StringBuilder(1024);
        for (int i = 0; i < e.size(); i++) {
            String v = e.value(i);
            sb.append(e.name(i)).append(": ").append(v.isEmpty() ? "_undef_" : urlEncode(v)).append('\n');
        }
        String body = e.body();
        if (body != null && !body.isEmpty()) {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            sb.append("Content-Length: ").append(b.length).append("\n\n");
            byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + b.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(b, 0, all, head.length, b.length);
            return all;
        }
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON serialisation: header order kept, duplicate keys kept, arrays for {@code ARRAY::} values (§8.2). */
    public static byte[] json(SimEvent e) {
        StringBuilder sb = new StringBuilder(1024).append('{');
        for (int i = 0; i < e.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            jsonString(sb, e.name(i)).append(':');
            String v = e.value(i);
            if (v.startsWith("ARRAY::")) {
                sb.append('[');
                String[] parts = v.substring(7).split("\\|:", -1);
                for (int p = 0; p < parts.length; p++) {
                    if (p > 0) {
                        sb.append(',');
                    }
                    jsonString(sb, parts[p]);
                }
                sb.append(']');
            } else {
                jsonString(sb, v);
            }
        }
        String body = e.body();
        if (body != null) {
            if (e.size() > 0) {
                sb.append(',');
            }
            sb.append("\"Content-Length\":\"").append(body.getBytes(StandardCharsets.UTF_8).length).append("\",");
            sb.append("\"_body\":");
            jsonString(sb, body);
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /** The XML serialisation, with FreeSWITCH's indentation and trailing-space body quirk (§8.3). */
    public static byte[] xml(SimEvent e) {
        StringBuilder sb = new StringBuilder(2048).append("<event>\n  <headers>\n");
        for (int i = 0; i < e.size(); i++) {
            String v = e.value(i);
            String[] values = v.startsWith("ARRAY::") ? v.substring(7).split("\\|:", -1) : new String[] {v};
            for (String one : values) {
                sb.append("    <").append(e.name(i)).append('>').append(urlEncode(one))
                        .append("</").append(e.name(i)).append(">\n");
            }
        }
        sb.append("  </headers>\n");
        String body = e.body();
        if (body != null && !body.isEmpty()) {
            sb.append("  <Content-Length>").append(body.getBytes(StandardCharsets.UTF_8).length)
                    .append("</Content-Length>\n  <body>");
            xmlBody(sb, body);
            if (body.endsWith("\n")) {
                sb.append("  ");
            }
            sb.append("</body>\n");
        }
        return sb.append("</event>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void xmlBody(StringBuilder sb, String body) {
        body.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> sb.append("&#xD;");
                default -> {
                    if (cp > 0x7F) {
                        sb.append("&#x").append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append(';');
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
    }
}
