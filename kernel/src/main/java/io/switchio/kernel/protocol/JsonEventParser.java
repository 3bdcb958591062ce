package io.switchio.kernel.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/event-json} body (esl-protocol §8.2): one flat JSON object whose values are
 * strings or arrays of strings, duplicate keys allowed and kept, {@code _body} holding the event
 * body. Strings are raw UTF-8 (decoded leniently); escapes are JSON's.
 *
 * <p>Threading: stateless between calls; one instance per parse, on the calling thread.
 */
final class JsonEventParser {

    private final byte[] b;
    private final int end;
    private final long base;
    private int p;

    private JsonEventParser(byte[] b, int from, int to, long base) {
        this.b = b;
        this.p = from;
        this.end = to;
        this.base = base;
    }

    static EslEvent parse(EslMessage message, byte[] b, int from, int to) {
        JsonEventParser parser = new JsonEventParser(b, from, to, message.streamOffset());
        DecodedHeaders headers = new DecodedHeaders();
        String body = parser.object(headers);
        return new EslEvent(message, headers, null, 0, 0, body == null ? "" : body);
    }

    private String object(DecodedHeaders headers) {
        skipWs();
        expect('{');
        String body = null;
        skipWs();
        if (peek() == '}') {
            p++;
            return null;
        }
        while (true) {
            skipWs();
            String key = string();
            skipWs();
            expect(':');
            skipWs();
            if (peek() == '[') {
                headers.add(key, array());
            } else {
                String value = string();
                if (key.equals("_body")) {
                    body = value;
                } else {
                    headers.add(key, value);
                }
            }
            skipWs();
            byte c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw error(p - 1, "expected ',' or '}' in JSON event, found '" + (char) c + "'");
            }
        }
        skipWs();
        if (p != end) {
            throw error(p, "unexpected bytes after the JSON event object");
        }
        return body;
    }

    /** A JSON array of strings, in FreeSWITCH's {@code ARRAY::a|:b} form. */
    private String array() {
        expect('[');
        StringBuilder sb = new StringBuilder("ARRAY::");
        skipWs();
        if (peek() == ']') {
            p++;
            return "";
        }
        boolean first = true;
        while (true) {
            skipWs();
            if (!first) {
                sb.append("|:");
            }
            sb.append(string());
            first = false;
            skipWs();
            byte c = next();
            if (c == ']') {
                return sb.toString();
            }
            if (c != ',') {
                throw error(p - 1, "expected ',' or ']' in JSON array, found '" + (char) c + "'");
            }
        }
    }

    private String string() {
        expect('"');
        int start = p;
        while (p < end) {
            byte c = b[p];
            if (c == '"') {
                String s = new String(b, start, p - start, StandardCharsets.UTF_8);
                p++;
                return s;
            }
            if (c == '\\') {
                return escapedString(start);
            }
            p++;
        }
        throw error(start, "unterminated JSON string");
    }

    private String escapedString(int start) {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream(p - start + 16);
        raw.write(b, start, p - start);
        while (p < end) {
            byte c = b[p++];
            if (c == '"') {
                return raw.toString(StandardCharsets.UTF_8);
            }
            if (c != '\\') {
                raw.write(c);
                continue;
            }
            if (p >= end) {
                break;
            }
            byte e = b[p++];
            switch (e) {
                case '"', '\\', '/' -> raw.write(e);
                case 'b' -> raw.write('\b');
                case 'f' -> raw.write('\f');
                case 'n' -> raw.write('\n');
                case 'r' -> raw.write('\r');
                case 't' -> raw.write('\t');
                case 'u' -> {
                    int cp = hex4();
                    if (Character.isHighSurrogate((char) cp) && p + 6 <= end && b[p] == '\\' && b[p + 1] == 'u') {
                        p += 2;
                        int low = hex4();
                        cp = Character.toCodePoint((char) cp, (char) low);
                    }
                    byte[] enc = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                    raw.write(enc, 0, enc.length);
                }
                default -> throw error(p - 1, "bad JSON escape '\\" + (char) e + "'");
            }
        }
        throw error(start, "unterminated JSON string");
    }

    private int hex4() {
        if (p + 4 > end) {
            throw error(p, "truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int h = ValueDecoder.hex(b[p + i]);
            if (h < 0) {
                throw error(p + i, "bad hex digit in \\u escape");
            }
            v = v << 4 | h;
        }
        p += 4;
        return v;
    }

    private void skipWs() {
        while (p < end && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
            p++;
        }
    }

    private byte peek() {
        if (p >= end) {
            throw error(p, "JSON event ends early");
        }
        return b[p];
    }

    private byte next() {
        byte c = peek();
        p++;
        return c;
    }

    private void expect(char c) {
        byte got = next();
        if (got != c) {
            throw error(p - 1, "expected '" + c + "' in JSON event, found '" + (char) got + "'");
        }
    }

    private EslProtocolException error(int pos, String reason) {
        return new EslProtocolException(base + pos, reason);
    }
}
