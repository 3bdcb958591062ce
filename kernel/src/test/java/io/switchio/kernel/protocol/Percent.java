package io.switchio.kernel.protocol;

import java.nio.charset.StandardCharsets;

/** Test-side encoder reproducing FreeSWITCH's {@code switch_url_encode} (esl-protocol §8.1.1). Threading: stateless. */
final class Percent {

    private static final String UNSAFE = "\r\n #%&+:;<=>?@[\\]^`{|}\"";
    private static final String HEX = "0123456789ABCDEF";

    private Percent() {
    }

    static String encode(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xFF;
            boolean keepPercent = c == '%' && i + 2 < b.length && HEX.indexOf(b[i + 1]) >= 0 && HEX.indexOf(b[i + 2]) >= 0;
            if (!keepPercent && (c < 0x20 || c > 0x7E || UNSAFE.indexOf(c) >= 0)) {
                sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
