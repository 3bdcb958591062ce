package io.switchio.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpiVersionTest {

    @Test
    void samePluginVersionIsCompatible() {
        assertTrue(SpiVersion.isCompatible(SpiVersion.CURRENT));
    }

    @Test
    void newerMinorOrOtherMajorIsNot() {
        String[] parts = SpiVersion.CURRENT.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        assertFalse(SpiVersion.isCompatible(major + "." + (minor + 1)));
        assertFalse(SpiVersion.isCompatible((major + 1) + ".0"));
    }

    @Test
    void malformedVersionIsRefusedWithTheExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpiVersion.isCompatible("one"));
        assertTrue(e.getMessage().contains("is not MAJOR.MINOR"));
        assertThrows(IllegalArgumentException.class, () -> SpiVersion.isCompatible(null));
    }

    @Test
    void buildPropertyMatchesTheConstant() throws Exception {
        try (var in = SpiVersion.class.getResourceAsStream("/io/switchio/spi/spi-version.properties")) {
            var props = new java.util.Properties();
            props.load(in);
            org.junit.jupiter.api.Assertions.assertEquals(SpiVersion.CURRENT, props.getProperty("spi.version"),
                    "root pom property switchio.spi.version must equal SpiVersion.CURRENT");
        }
    }
}
