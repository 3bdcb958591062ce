package io.switchio.testkit.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Cause parsing (§10.6) and the compact variable store. */
class HangupCauseTest {
    @Test
    void lenientParsing() {
        assertEquals(HangupCause.USER_BUSY, HangupCause.parse("user_busy", HangupCause.NONE));
        assertEquals(HangupCause.USER_BUSY, HangupCause.parse("17", HangupCause.NONE));
        assertEquals(HangupCause.NORMAL_CLEARING, HangupCause.parse("NO_SUCH_CAUSE", HangupCause.NONE));
        assertEquals(HangupCause.MANAGER_REQUEST, HangupCause.parse(" ", HangupCause.MANAGER_REQUEST));
        assertNull(HangupCause.byName("nope"));
        assertEquals(487, HangupCause.ORIGINATOR_CANCEL.code());
    }

    @Test
    void variablesKeepOrderAndMoveOnReset() {
        ChannelVars v = new ChannelVars();
        for (int i = 0; i < 40; i++) {
            v.set("k" + i, "v" + i);
        }
        v.set("k0", "again");
        assertEquals("k0", v.key(39));
        assertEquals("variable_k0", v.headerName(39));
        v.set("k1", "");
        assertEquals(39, v.size());
        assertNull(v.get("k1"));
        assertEquals("again", v.get("k0"));
    }
}
