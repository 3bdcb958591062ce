package io.switchio.launcher.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSpecTest {

    @Test
    void parsesAnIdAndOptionalParameters() {
        assertEquals(new AppSpec("tone-play", Map.of()), AppSpec.parse("tone-play"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("tone", "%(100;0;440)");
        expected.put("loops", "3");
        AppSpec spec = AppSpec.parse("tone-play/tone=%(100;0;440), loops = 3");
        assertEquals(expected, spec.parameters());
        assertEquals("tone-play/tone=%(100;0;440),loops=3", spec.toString());
        assertEquals("a=b", AppSpec.parse("x/v=a=b").parameters().get("v"));
    }

    @Test
    void aCommaNotFollowedByNameEqualsBelongsToTheValueBeforeIt() {
        AppSpec spec = AppSpec.parse("tone-play/tone=%(300,0,440),loops=3");
        assertEquals(Map.of("tone", "%(300,0,440)", "loops", "3"), spec.parameters());
        assertEquals("%(251,0,1004)", AppSpec.parse("tone-play/tone=%(251,0,1004)").parameters().get("tone"));
        assertEquals(spec, AppSpec.parse(spec.toString()), "toString reads back");
    }

    @Test
    void aBackslashKeepsACommaInAValueEvenBeforeNameEquals() {
        assertEquals(Map.of("dest", "a,b=c"), AppSpec.parse("x/dest=a\\,b=c").parameters());
        assertEquals(Map.of("dest", "a\\", "b", "c"), AppSpec.parse("x/dest=a\\\\,b=c").parameters());
        assertEquals(Map.of("tone", "%(300,0,440)"), AppSpec.parse("x/tone=%(300\\,0\\,440)").parameters());
        assertEquals(Map.of("v", "a\\b"), AppSpec.parse("x/v=a\\b").parameters(), "other backslashes stay");
    }

    @Test
    void refusesMalformedSpecsSayingWhatWasExpected() {
        assertEquals("app spec '/a=1' has no app id; expected ID or ID/name=value,name2=value2", message("/a=1"));
        assertEquals("app spec 'x/' ends with '/'; expected name=value pairs after it, or no '/'", message("x/"));
        assertEquals("app spec 'x/a' is not name=value".replace("'x/a' is", "'x/a': 'a' is"), message("x/a"));
        assertEquals("app spec 'x/a=1,a=2' gives parameter 'a' twice", message("x/a=1,a=2"));
        assertEquals("app spec 'x/a=1,' : '' is not name=value".replace(" : ", ": "), message("x/a=1,"));
        assertEquals("app spec 'two words': 'two words' is not an app id (letters, digits, '-', '_' or '.')", message("two words"));
        assertEquals("app spec 'a\\nb': 'a\\nb' is not an app id (letters, digits, '-', '_' or '.')", message("a\nb"),
                "a line break in a spec is shown escaped, on one line");
    }

    private static String message(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> AppSpec.parse(spec)).getMessage();
    }
}
