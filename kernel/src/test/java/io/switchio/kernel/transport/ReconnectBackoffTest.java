package io.switchio.kernel.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(30), 0.2);

    @Test
    void doublesFromMinUpToMax() {
        assertEquals(100_000_000L, backoff.delayNanos(1, 0.5));
        assertEquals(200_000_000L, backoff.delayNanos(2, 0.5));
        assertEquals(400_000_000L, backoff.delayNanos(3, 0.5));
        assertEquals(30_000_000_000L, backoff.delayNanos(20, 0.5));
        assertEquals(30_000_000_000L, backoff.delayNanos(Integer.MAX_VALUE, 0.5), "no overflow");
    }

    @Test
    void jitterSpreadsWithinBounds() {
        assertEquals(80_000_000L, backoff.delayNanos(1, 0.0));
        assertTrue(backoff.delayNanos(1, 0.999999) <= 120_000_000L);
        assertEquals(24_000_000_000L, backoff.delayNanos(30, 0.0));
    }

    @Test
    void zeroJitterIsExact() {
        ReconnectBackoff exact = new ReconnectBackoff(Duration.ofMillis(1), Duration.ofMillis(1), 0.0);
        assertEquals(1_000_000L, exact.delayNanos(1, 0.7));
        assertEquals(1_000_000L, exact.delayNanos(9, 0.1));
    }
}
