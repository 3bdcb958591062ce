package io.switchio.testkit.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The dial-string grammar of esl-protocol.md §13.2 and the API argument splitting of §11. */
class DialStringTest {

    @Test
    void globalsLegVarsFailoverAndSimultaneousLegs() {
        DialString d = DialString.parse("{a=1,b=2}[leg_timeout=10]sofia/gateway/gw1/123,loopback/9|[x=y]error/user_busy");
        assertEquals(Map.of("a", "1", "b", "2"), d.globals());
        assertEquals(2, d.groups().size());
        assertEquals(2, d.groups().get(0).size());
        assertEquals(new DialString.Leg(Map.of("leg_timeout", "10"), "sofia/gateway/gw1/123"), d.groups().get(0).get(0));
        assertEquals("loopback/9", d.groups().get(0).get(1).endpoint());
        assertEquals(Map.of("x", "y"), d.groups().get(1).get(0).vars());
    }

    @Test
    void delimiterSwitchEscapesAndQuotes() {
        assertEquals(Map.of("sip_h_X-List", "a,b", "origination_caller_id_name", "Alice"),
                DialString.parse("{^^:sip_h_X-List=a,b:origination_caller_id_name=Alice}loopback/1").globals());
        assertEquals(Map.of("v", "a,b"), DialString.parse("{v=a\\,b}loopback/1").globals());
        assertEquals(Map.of("n", "John Doe"), DialString.parse("{n='John Doe'}loopback/1").globals());
        assertEquals(Map.of("e", "1"), DialString.parse("<e=1>{}loopback/1").globals());
    }

    @Test
    void unbalancedBlocksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DialString.parse("{a=1loopback/1"));
    }

    @Test
    void apiArgumentsSplitLikeModCommands() {
        assertEquals(List.of("{origination_caller_id_name=John Doe}loopback/1", "&park()"),
                ApiArgs.split("{origination_caller_id_name='John Doe'}loopback/1 &park()"));
        assertEquals(List.of("a b", "c"), ApiArgs.split("a\\ b  c "));
        assertEquals(List.of("{v=a\\,b}x"), ApiArgs.split("{v=a\\,b}x"));
    }
}
