package io.switchio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EscapedTest {

    @Test
    void lineBreaksAndControlCharactersCannotSplitALogLine() {
        assertEquals("a\\r\\nINFO forged", Escaped.of("a\r\nINFO forged"));
        assertEquals("tab\\there, bell\\u0007, back\\\\slash", Escaped.of("tab\there, bell\u0007, back\\slash"));
        assertEquals("{group=a\\nb}", Escaped.of(Map.of("group", "a\nb")));
        assertEquals("null", Escaped.of(null));
    }

    @Test
    void plainValuesAreReturnedAsTheyAre() {
        String plain = "tone=%(300,0,440) ünïcode";
        assertSame(plain, Escaped.of(plain));
    }
}
