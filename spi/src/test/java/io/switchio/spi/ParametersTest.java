package io.switchio.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.optional("response", ParameterType.INT, "480", "SIP response code"),
            ParameterSpec.optional("ring", ParameterType.DURATION, "2s", "how long to ring"),
            ParameterSpec.required("dest", ParameterType.STRING, "where to bridge"));

    @Test
    void fillsDefaultsAndConvertsGivenValues() {
        Parameters p = Parameters.resolve("blocker", SPECS, Map.of("dest", "1000@example", "response", "404"));
        assertEquals(404, p.getInt("response"));
        assertEquals(Duration.ofSeconds(2), p.getDuration("ring"));
        assertEquals("1000@example", p.getString("dest"));
        assertEquals(List.of("response", "ring", "dest"), List.copyOf(p.asMap().keySet()));
    }

    @Test
    void unknownNameIsRefusedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.resolve("blocker", SPECS, Map.of("dest", "x", "respnse", "404")));
        assertEquals("app 'blocker' has no parameter 'respnse'; it takes: response, ring, dest", e.getMessage());
    }

    @Test
    void badValueNamesAppParameterAndExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.resolve("blocker", SPECS, Map.of("dest", "x", "response", "busy")));
        assertEquals("app 'blocker' parameter 'response': 'busy' is not an integer", e.getMessage());
    }

    @Test
    void missingRequiredParameterIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.resolve("blocker", SPECS, Map.of()));
        assertTrue(e.getMessage().startsWith("app 'blocker' needs parameter 'dest'"), e.getMessage());
    }

    @Test
    void appWithoutParametersSaysItTakesNone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.resolve("tone-play", List.of(), Map.of("x", "1")));
        assertEquals("app 'tone-play' has no parameter 'x' (it takes none)", e.getMessage());
    }

    @Test
    void absentParameterReadIsAClearError() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> Parameters.of(Map.of("a", "1")).getString("b"));
        assertTrue(e.getMessage().contains("no parameter 'b'"));
    }

    @Test
    void specWithADefaultThatDoesNotConvertIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.optional("n", ParameterType.INT, "many", "d"));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.optional("bad name", ParameterType.INT, "1", "d"));
    }
}
