package io.switchio.testkit.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code fail_on_single_reject} setting: true, a cause list, or a negated list. */
class FailOnSingleRejectTest {
    @Test
    void trueListsAndNegatedLists() {
        assertTrue(OriginateApi.rejects("true", "-ERR USER_BUSY\n"));
        assertFalse(OriginateApi.rejects(null, "-ERR USER_BUSY\n"));
        assertFalse(OriginateApi.rejects("false", "-ERR USER_BUSY\n"));
        assertTrue(OriginateApi.rejects("CALL_REJECTED,USER_BUSY", "-ERR USER_BUSY\n"));
        assertFalse(OriginateApi.rejects("CALL_REJECTED", "-ERR USER_BUSY\n"));
        assertTrue(OriginateApi.rejects("!NO_ANSWER", "-ERR USER_BUSY\n"));
        assertFalse(OriginateApi.rejects("!NO_ANSWER", "-ERR NO_ANSWER\n"));
        assertFalse(OriginateApi.rejects("true", "+OK abc\n"));
    }
}
