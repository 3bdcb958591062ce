package io.switchio.launcher.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfFileTest {

    private static final Path FILE = Path.of("serve.conf");

    private static ConfFile parse(String... lines) {
        return ConfFile.parse(FILE, List.of(lines));
    }

    @Test
    void readsKeysValuesAndLinesLikeProperties() {
        ConfFile c = parse("# comment", "! other comment", "", "hosts = a:1, b", "  password:secret", "group default",
                "apps = tone-play,\\", "    proxier", "log.level=", "escaped = tab\\there \\u0041");
        assertEquals(new ConfFile.Entry("hosts", "a:1, b", 4), c.entry("hosts").orElseThrow());
        assertEquals("secret", c.entry("password").orElseThrow().value());
        assertEquals(5, c.entry("password").orElseThrow().line());
        assertEquals("default", c.entry("group").orElseThrow().value());
        assertEquals(new ConfFile.Entry("apps", "tone-play,proxier", 7), c.entry("apps").orElseThrow());
        assertEquals("", c.entry("log.level").orElseThrow().value());
        assertEquals("tab\there A", c.entry("escaped").orElseThrow().value());
        assertEquals(List.of("hosts", "password", "group", "apps", "log.level", "escaped"),
                c.entries().stream().map(ConfFile.Entry::key).toList());
    }

    @Test
    void aKeyGivenTwiceNamesBothLines() {
        ConfException e = assertThrows(ConfException.class, () -> parse("hosts = a", "", "hosts = b"));
        assertEquals("serve.conf:3: key 'hosts': is given twice (first on line 1); keep one", e.getMessage());
    }

    @Test
    void badEscapesAndMissingKeysNameTheLine() {
        assertTrue(assertThrows(ConfException.class, () -> parse("a = 1", "b = \\uZZZZ")).getMessage().startsWith("serve.conf:2:"));
        assertTrue(assertThrows(ConfException.class, () -> parse("= value")).getMessage().startsWith("serve.conf:1:"));
    }

    @Test
    void aMissingFileIsNamed() {
        ConfException e = assertThrows(ConfException.class, () -> ConfFile.parse(Path.of("/no/such/file.conf")));
        assertTrue(e.getMessage().startsWith("/no/such/file.conf: cannot read the conf file"), e.getMessage());
    }
}
