package io.switchio.kernel.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/event-xml} body (esl-protocol §8.3): {@code <event><headers>} with one
 * element per header value (URL-encoded text; repeated elements for arrays), then optional
 * {@code <Content-Length>} and {@code <body>} (XML-escaped). The body is cut to
 * {@code Content-Length} bytes, which drops the indentation FreeSWITCH's pretty-printer adds
 * before {@code </body>}. This is not a general XML parser: it reads exactly what FreeSWITCH
 * writes.
 *
 * <p>Threading: stateless between calls; one instance per parse, on the calling thread.
 */
final class XmlEventParser {

    private final byte[] b;
    private final int end;
    private final long base;
    private int p;

    private XmlEventParser(byte[] b, int from, int to, long base) {
        this.b = b;
        this.p = from;
        this.end = to;
        this.base = base;
    }

    static EslEvent parse(EslMessage message, byte[] b, int from, int to) {
        XmlEventParser x = new XmlEventParser(b, from, to, message.streamOffset());
        DecodedHeaders headers = new DecodedHeaders();
        x.expectTag("<event>");
        x.expectTag("<headers>");
        while (true) {
            x.skipWs();
            if (x.startsWith("</headers>")) {
                x.p += "</headers>".length();
                break;
            }
            x.element(headers);
        }
        String body = "";
        x.skipWs();
        int declared = -1;
        if (x.startsWith("<Content-Length>")) {
            x.p += "<Content-Length>".length();
            int close = x.indexOf("</Content-Length>", x.p);
            String digits = ValueDecoder.raw(b, x.p, close).trim();
            try {
                declared = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw x.error(x.p, "XML event Content-Length '" + digits + "' is not a number");
            }
            x.p = close + "</Content-Length>".length();
            x.skipWs();
        }
        if (x.startsWith("<body>")) {
            x.p += "<body>".length();
            int close = x.lastIndexOf("</body>");
            byte[] raw = unescape(b, x.p, close);
            int len = declared >= 0 && declared <= raw.length ? declared : raw.length;
            body = new String(raw, 0, len, StandardCharsets.UTF_8);
            x.p = close + "</body>".length();
        }
        x.expectTag("</event>");
        return new EslEvent(message, headers, null, 0, 0, body);
    }

    private void element(DecodedHeaders headers) {
        int open = p;
        if (p >= end || b[p] != '<') {
            throw error(p, "expected an XML header element");
        }
        int gt = indexOf(">", p);
        boolean selfClosing = b[gt - 1] == '/';
        String name = ValueDecoder.raw(b, p + 1, selfClosing ? gt - 1 : gt);
        if (name.isEmpty() || name.startsWith("/")) {
            throw error(open, "malformed XML element '" + name + "'");
        }
        p = gt + 1;
        if (selfClosing) {
            headers.add(name, "");
            return;
        }
        String closeTag = "</" + name + ">";
        int close = indexOf(closeTag, p);
        byte[] text = unescape(b, p, close);
        headers.add(name, ValueDecoder.percentDecoded(text, 0, text.length));
        p = close + closeTag.length();
    }

    private static byte[] unescape(byte[] b, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c != '&') {
                out.write(c);
                i++;
                continue;
            }
            int semi = i + 1;
            while (semi < to && semi - i < 12 && b[semi] != ';') {
                semi++;
            }
            String entity = semi < to && b[semi] == ';' ? new String(b, i + 1, semi - i - 1, StandardCharsets.ISO_8859_1) : "";
            String text = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> numericEntity(entity);
            };
            if (text == null) {
                out.write(c);
                i++;
            } else {
                byte[] enc = text.getBytes(StandardCharsets.UTF_8);
                out.write(enc, 0, enc.length);
                i = semi + 1;
            }
        }
        return out.toByteArray();
    }

    private static String numericEntity(String entity) {
        if (!entity.startsWith("#") || entity.length() < 2) {
            return null;
        }
        try {
            int cp = entity.charAt(1) == 'x' || entity.charAt(1) == 'X'
                    ? Integer.parseInt(entity.substring(2), 16)
                    : Integer.parseInt(entity.substring(1));
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void expectTag(String tag) {
        skipWs();
        if (!startsWith(tag)) {
            throw error(p, "expected " + tag + " in XML event");
        }
        p += tag.length();
    }

    private boolean startsWith(String s) {
        if (p + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[p + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(String s, int from) {
        int saved = p;
        for (p = from; p + s.length() <= end; p++) {
            if (startsWith(s)) {
                int found = p;
                p = saved;
                return found;
            }
        }
        p = saved;
        throw error(from, "missing " + s + " in XML event");
    }

    private int lastIndexOf(String s) {
        int saved = p;
        for (int at = end - s.length(); at >= saved; at--) {
            p = at;
            if (startsWith(s)) {
                p = saved;
                return at;
            }
        }
        p = saved;
        throw error(saved, "missing " + s + " in XML event");
    }

    private void skipWs() {
        while (p < end && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
            p++;
        }
    }

    private EslProtocolException error(int pos, String reason) {
        return new EslProtocolException(base + pos, reason);
    }
}
