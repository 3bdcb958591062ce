package io.switchio.launcher.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HostAddressTest {

    @Test
    void parsesHostsPortsIpv6AndTheSimulator() {
        assertEquals(new HostAddress("fs1.example.com", 8021, false), HostAddress.parse("fs1.example.com"));
        assertEquals(new HostAddress("10.0.0.1", 8022, false), HostAddress.parse(" 10.0.0.1:8022 "));
        assertEquals(new HostAddress("::1", 8021, false), HostAddress.parse("[::1]"));
        assertEquals(new HostAddress("::1", 9000, false), HostAddress.parse("[::1]:9000"));
        assertEquals(new HostAddress("sim", 0, true), HostAddress.parse("sim"));
        assertEquals("[::1]:9000", HostAddress.parse("[::1]:9000").toString());
    }

    @Test
    void refusesWhatIsNotAHost() {
        assertEquals("host 'fs1:http' is not a number from 1 to 65535".replace("is not", "is not"),
                assertThrows(IllegalArgumentException.class, () -> HostAddress.parse("fs1:http")).getMessage()
                        .replace(": port 'http'", ""));
        assertThrows(IllegalArgumentException.class, () -> HostAddress.parse(""));
        assertThrows(IllegalArgumentException.class, () -> HostAddress.parse("fs1:0"));
        assertThrows(IllegalArgumentException.class, () -> HostAddress.parse("[::1"));
        assertThrows(IllegalArgumentException.class, () -> HostAddress.parse("a b"));
    }
}
