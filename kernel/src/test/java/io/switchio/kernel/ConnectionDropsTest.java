package io.switchio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Our own close is told from an unexpected drop (INFO versus WARN). */
class ConnectionDropsTest {

    @Test
    void aDropBeforeOurCloseIsUnexpectedAndOneAfterIsOurs() {
        ConnectionDrops drops = new ConnectionDrops("h:8021");
        assertFalse(drops.closing());
        assertTrue(drops.report("disconnected by FreeSWITCH"), "FreeSWITCH went away: WARN");
        assertEquals(1, drops.unexpected());
        drops.expect();
        assertTrue(drops.closing());
        assertFalse(drops.report("closed"), "our own close: INFO");
        assertEquals(1, drops.unexpected());
        assertEquals(1, drops.ours());
    }
}
