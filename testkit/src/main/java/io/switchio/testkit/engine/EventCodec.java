package io.switchio.testkit.engine;

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

    /** Bytes that FreeSWITCH's encoder replaces by %XX (besides controls and non-ASCII). */
    private static final boolean[] UNSAFE_BYTE = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            UNSAFE_BYTE[b] = b < 0x20 || b > 0x7E || UNSAFE.indexOf(b) >= 0;
        }
    }

    /** A growable byte buffer for one serialisation. */
    private static final class Buf {
        byte[] a = new byte[2048];
        int n;

        void ensure(int more) {
            if (n + more > a.length) {
                a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + more));
            }
        }

        void ascii(String s) {
            int len = s.length();
            ensure(len);
            for (int i = 0; i < len; i++) {
                char c = s.charAt(i);
                if (c > 0x7F) {
                    n -= i;
                    bytes(s.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                a[n++] = (byte) c;
            }
        }

        void put(int b) {
            ensure(1);
            a[n++] = (byte) b;
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, a, n, b.length);
            n += b.length;
        }
    }

    /** URL-encodes a value byte by byte with FreeSWITCH's unsafe set and its no-double-encoding quirk (§8.1.1). */
    public static String urlEncode(String value) {
        Buf b = new Buf();
        encode(b, value);
        return new String(b.a, 0, b.n, StandardCharsets.US_ASCII);
    }

    private static void encode(Buf out, String value) {
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        out.ensure(in.length * 3);
        byte[] a = out.a;
        int n = out.n;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xFF;
            if (UNSAFE_BYTE[b] && !(b == '%' && i + 2 < in.length && isUpperHex(in[i + 1]) && isUpperHex(in[i + 2]))) {
                a[n++] = '%';
                a[n++] = HEX[b >> 4];
                a[n++] = HEX[b & 0xF];
            } else {
                a[n++] = (byte) b;
            }
        }
        out.n = n;
    }

    private static boolean isUpperHex(int b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F');
    }

    /** The plain serialisation (outer body of a {@code text/event-plain} frame). */
    public static byte[] plain(SimEvent e) {
        Buf b = new Buf();
        for (int i = 0; i < e.size(); i++) {
            byte[] line = e.plainLine(i);
            if (line != null) {
                b.bytes(line);
                continue;
            }
            String v = e.value(i);
            b.ascii(e.name(i));
            b.put(':');
            b.put(' ');
            if (v.isEmpty()) {
                b.ascii("_undef_");
            } else {
                encode(b, v);
            }
            b.put('\n');
        }
        String body = e.body();
        if (body != null && !body.isEmpty()) {
            byte[] raw = body.getBytes(StandardCharsets.UTF_8);
            b.ascii("Content-Length: " + raw.length + "\n\n");
            b.bytes(raw);
        } else {
            b.put('\n');
        }
        return java.util.Arrays.copyOf(b.a, b.n);
    }

    /** The plain line {@code name: encoded-value\n} of one header. */
    public static byte[] plainLine(String name, String value) {
        Buf b = new Buf();
        b.ascii(name);
        b.put(':');
        b.put(' ');
        if (value.isEmpty()) {
            b.ascii("_undef_");
        } else {
            encode(b, value);
        }
        b.put('\n');
        return java.util.Arrays.copyOf(b.a, b.n);
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
        int len = s.length();
        int plain = 0;
        while (plain < len) {
            char c = s.charAt(plain);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        if (plain == len) {
            return sb.append(s).append('"');
        }
        sb.append(s, 0, plain);
        for (int i = plain; i < len; i++) {
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
