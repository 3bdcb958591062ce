package io.switchio.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ParameterTypeTest {

    @Test
    void convertsEveryTypeFromItsTextForm() {
        assertEquals("a b", ParameterType.STRING.parse("a b"));
        assertEquals(404, ParameterType.INT.parse(" 404 "));
        assertEquals(5_000_000_000L, ParameterType.LONG.parse("5000000000"));
        assertEquals(4.25, ParameterType.DOUBLE.parse("4.25"));
        assertEquals(true, ParameterType.BOOLEAN.parse("yes"));
        assertEquals(false, ParameterType.BOOLEAN.parse("OFF"));
    }

    @Test
    void readsDurationsInEveryDocumentedForm() {
        assertEquals(Duration.ofMillis(250), ParameterType.DURATION.parse("250ms"));
        assertEquals(Duration.ofSeconds(5), ParameterType.DURATION.parse("5s"));
        assertEquals(Duration.ofMinutes(2), ParameterType.DURATION.parse("2m"));
        assertEquals(Duration.ofHours(1), ParameterType.DURATION.parse("1h"));
        assertEquals(Duration.ofMillis(1500), ParameterType.DURATION.parse("1.5"));
        assertEquals(Duration.ofSeconds(7), ParameterType.DURATION.parse("PT7S"));
    }

    @Test
    void refusesBadValuesNamingWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterType.INT.parse("four"));
        assertTrue(e.getMessage().contains("'four' is not an integer"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterType.BOOLEAN.parse("maybe"));
        assertThrows(IllegalArgumentException.class, () -> ParameterType.DURATION.parse("5 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> ParameterType.DURATION.parse("-3s"));
    }
}
